"""Practice: spaced recall of finished work and the timed interview drill (issue 17).

The page (`page.PracticePage`), the keyboard review (`review`), the drill (`drill`), the card
dialog (`card_dialog`) and the undoable practice operations (`operations`); the window's
navigation, Today, the item pane and the dashboard use the small pieces in `due`,
`item_cards`, `retention_view` and `keys`."""
