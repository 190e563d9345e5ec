"""Small pieces every page shares: table models, headings, charts, links, the theme, and
saying a failed action in words."""
