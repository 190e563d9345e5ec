<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AddTimeDialog</name>
    <message>
        <source>Add study time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit study session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes studied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose when you started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cairn keeps rotating backups in {folder}: every one of the last two days, then one a day for two weeks, one a week for two months and one a month for a year. Restoring first backs up what you have now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet: Cairn makes one when it opens and closes, and every 30 minutes while you work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace your progress with the backup of {when} ({done})? What you have now is backed up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <source>Edit card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item the card belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question you should be able to answer from memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model answer (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer in your own words: what you would say in an interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens, cost (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the card was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the card&apos;s original text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window is read-only: the card cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter saves. The item is done: the card is ready to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter saves. The card unlocks when its item is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt {prompt} of {prompt_limit} characters · answer {answer} of {answer_limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a prompt and an answer first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Status</source>
        <extracomment>What an item&apos;s status changes in its row: the status words and glyph, the tips and the accessible text (they name the status), the colour, and the strike-out or bold font. The columns that fit their widest text, measured once for each set of rows shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {number} · {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{week} — {done} of {total} done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceCard</name>
    <message>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count this option (undo with Ctrl+Z); progress on every option is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} (week {week})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ✔ chosen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>{title} — 1 item, {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — {count} items, {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen: {names}. The other options leave every total; their progress is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one option. Until you do, the cheapest ({names}) counts in your totals and plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose {count} options. Until you do, the cheapest ({names}) count in your totals and plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose {options}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option “{option}” of “{group}”: chosen, it counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option “{option}” of “{group}”: not chosen yet; it counts as the cheapest option until you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option “{option}” of “{group}”: not chosen, so it counts toward no total. Your progress on it is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CohortModel</name>
    <message>
        <source>Learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours
(last 14 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days since
last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learner&apos;s name from their export (the file&apos;s name if they gave none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behind their study plan, or no recorded activity for 14 days or more: the reason in words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the path is done, in percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the learner stands against their own study plan on the day of the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role the learner aims for first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness for the primary role, 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness points since the learner&apos;s previous export you opened with this one, or else since the report they last marked as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours studied in the 14 days before the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days from the learner&apos;s last recorded activity to today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project milestones finished, and of those how many a mentor verified and how many are self-reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last status, note, study session, evidence link or reading in the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day the learner made the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export file the row is read from (the newest one of this learner&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behind by {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet for {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No learner needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 of {total} learners needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{flagged} of {total} learners need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} ({verified} verified, {self_reported} self)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export is from an older Cairn that does not say the pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since {file}, exported {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the report the learner marked as sent on {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} finished: {verified} verified by a mentor, {self_reported} self-reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{learner}, needs attention: {reasons}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attention needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CohortWindow</name>
    <message>
        <source>Cohort: {learners} (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from their exported summaries; nothing here changes your own data. A learner behind their plan or quiet for 14 days or more is tinted and marked. Sort by any column; Enter or double-click opens a learner&apos;s summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} learners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cohort as CSV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Item details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{learner}&apos;s note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{learner} wrote no note on this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds: {skills}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs first: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · optional, not counted in the hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillRun</name>
    <message>
        <source>Drill position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the drill (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left for this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your answer as you would say it; Ctrl+Enter reveals the model answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer aloud, as in an interview; the clock runs. Reveal when you are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal · Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the model answer (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric: tick what your answer covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate {rating} ({key})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillSetup</name>
    <message>
        <source>Interview drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer interview questions against the clock, then compare with a model answer and a short rubric and rate yourself. Questions unlock when you finish the items they belong to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role to drill for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type my answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer &amp;aloud (timer only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill questions available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the interview drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the Practice page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This role has no interview questions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 question is ready for this role ({locked} still locked): about {minutes} minutes of answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of this role&apos;s questions is unlocked yet ({locked} locked): each unlocks when you finish the item it belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ready} questions are ready for this role ({locked} still locked). This drill draws {drawn} of them, about {minutes} minutes of answers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillSummary</name>
    <message>
        <source>Drill done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions of the drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up a new drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the Practice page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 question in {time}. {ratings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} questions in {time}. {ratings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ticked} of {points}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillWidget</name>
    <message>
        <source>Interview drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time is up · {time} over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill {time} of {length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time is up: this is the last question</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceBox</name>
    <message>
        <source>Evidence links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New evidence link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://github.com/you/project — repository, write-up, demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected evidence link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {when}; Enter opens it in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence yet. Milestones count fully toward readiness once they have a link to proof.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>HTML — one self-contained file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF — numbered pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown — plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON — for restoring, merging and mentor tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the last summary marked as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name as your mentor knows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include my notes (private notes are never included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include my notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as sent to my mentor (the next summary starts from here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as sent to my mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave it unticked for a copy you keep or a second format of the same summary: the next summary then covers the same period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions and blockers for my mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What are you stuck on? What would you like to ask?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will you do before you next meet?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Questions for
my mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit learner name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved (your name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change export choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit mentor questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit next goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the last summary marked as sent (none yet: everything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the last summary marked as sent ({date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown (the preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview shows exactly what will be shared. Nothing is sent anywhere: you choose where the file goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}, but the time of this export was {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}. Nothing else was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>the learner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackActions</name>
    <message>
        <source>Overall &amp;note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee&amp;dback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your comments, verified milestones and note to a file for the learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, as {learner} will see it beside your comments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cairn feedback (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback saved to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your feedback is not saved yet: File → Save feedback… (Ctrl+S).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback changed since it was saved to {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback saved to {file}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackClose</name>
    <message>
        <source>Save your feedback?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your feedback for {learner} is not saved. It lives only in this window: closing without saving loses it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackMarks</name>
    <message>
        <source>✎ You commented on this (in your feedback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ You verified its evidence (in your feedback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✎ Has earlier feedback from a mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✎ Your mentor commented on this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Verified earlier by a mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Verified by your mentor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackSave</name>
    <message>
        <source>Feedback not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter this list by title or id (Esc closes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only the items whose title or id contains what you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide done items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide skipped items</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours studied per week against the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items done over time against the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Studied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours studied per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items done over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan: {hours} h a week from {start}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan yet (Tools → Your plan…): the charts show the last six months without a planned line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h studied on {days} day; {week} h this week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h studied on {days} days; {week} h this week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current streak {days} day, longest {longest}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current streak {days} days, longest {longest}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan ({hours} h a week)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items done (of {total})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemCards</name>
    <message>
        <source>Practice cards of this item</source>
        <extracomment>Change kinds that can change what the pane says: a card made or taken back, the item&apos;s status (its cards lock or unlock), an import or a pack.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a practice card for this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question and your answer, to recall this item later in Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No practice cards yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 practice card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} practice cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>they unlock when you finish this item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemTreeModel</name>
    <message>
        <source>no items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message>
        <source>The filters above hide every item here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overall progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are viewing {name}&apos;s progress from a summary, exported {date}. It is read-only: nothing here changes it or your own data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are viewing {name}&apos;s progress from a summary. It is read-only: nothing here changes it or your own data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;week done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;week {number} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset week {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (read-only summary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cairn — {page}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MentorComment</name>
    <message>
        <source>Your comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your comment (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went well, what to look at next, a reading to try… Markdown allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in this window until you save: File → Save feedback… (Ctrl+S). The learner sees it under their note once they import your file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your comment for {learner}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your comment for {learner} (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Close window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find anything…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open any item, milestone, reading, role, week, month or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrow the list in view by title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Toggle done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;week done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark every item of the week in view done (one undo step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set every item of the week in view back to to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log records every recovery, refusal and backup failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Cairn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cairn cannot write its log here; warnings go to the terminal (stderr).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log is in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Cairn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Cairn {version}&lt;/b&gt;&lt;p&gt;An offline companion for a six-month path into AI engineering.&lt;/p&gt;&lt;p&gt;Curriculum: {curriculum}&lt;br&gt;Your data: {data}&lt;/p&gt;&lt;p&gt;Cairn never connects to the network; links open in your browser only when you click them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Section</source>
        <extracomment>The icon of each kind of navigation entry (groups by their id); see docs/design.md.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study days, hours against the plan, items finished over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall what you finished, and rehearse interview questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How ready you are for each role, and what to do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Six-month path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month {number} · {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {number} · {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every reading of the path, with filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{level} project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired items ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved progress on items the curriculum no longer has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteConflict</name>
    <message>
        <source>This note was changed elsewhere while you were writing. Keep which?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your text; Edit → Undo brings the other back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the other text; yours is kept in a file in the data folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes in Markdown: what you learned, what confused you, what to ask your mentor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private note is never included in any export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note save state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also changed elsewhere — choose which to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note was changed outside this window while you were writing here. Keep mine saves your text (Edit → Undo brings the other back); Use the other shows it and keeps your text in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Keep mine or Use the other first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the other text; yours is kept in {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved — your text replaced the change made elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy is kept in {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing written yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverallNoteDialog</name>
    <message>
        <source>Overall note for {learner}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note on {learner}&apos;s progress as a whole: what went well, what to focus on next. Markdown is allowed. It is saved with your comments by File → Save feedback… (Ctrl+S).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, as the learner will see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Grace Hopper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall note (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went well, what to focus on next, answers to their questions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall &amp;note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What {learner} wrote for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learner&apos;s questions and next goals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackMenu</name>
    <message>
        <source>&amp;Add curriculum pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Curriculum packs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove curriculum pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder of a curriculum pack (it holds pack.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curriculum pack not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added curriculum pack {pack}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove curriculum pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the pack &apos;{pack}&apos; and its folder? Its items leave the checklists; your progress and notes on them are kept and come back if you add the pack again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curriculum pack not removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add curriculum pack {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove curriculum pack {pack}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackProblemsDialog</name>
    <message>
        <source>Curriculum pack not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has 1 problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has {count} problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{folder}&lt;/b&gt; was not added: {has}. Nothing was changed. Fix these and add it again (&lt;code&gt;cairn validate FOLDER&lt;/code&gt; checks a pack from a terminal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the pack</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PacksDialog</name>
    <message>
        <source>Curriculum packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packs you or a mentor added. A pack with problems is &lt;b&gt;disabled&lt;/b&gt;: its items are hidden and your progress on them is kept. Fix its files (&lt;code&gt;cairn validate FOLDER&lt;/code&gt; lists every problem) and add it again, or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added curriculum packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the selected pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — disabled: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} (and 1 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} (and {count} more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>Page summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PanesPage</name>
    <message>
        <source>Optional: your summaries carry it, so your mentor knows they are yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name (shown to your mentor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Cairn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cairn takes you through a six-month path into AI engineering, one week at a time. On the left you choose where to look: Today, a month or week, your projects and your readiness for a role. In the middle is the list for that place; on the right, the item you selected, with what to read, the study timer and your notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two short questions follow; you can skip them and answer later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source> h a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From 1 to 60 hours a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path is about {total} h of work: {weekly} h a week finishes it in its {weeks} weeks, fewer hours take longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h of work: about {weeks} weeks, finishing around {finish}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose when you start and how many hours a week you can give.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the plan was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hours per week</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Monday you start the path, or today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish date preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hours per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When do you start, and how much time do you have?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Practice</name>
    <message>
        <source>All cards</source>
        <extracomment>The state filter&apos;s choices, in the order the page offers them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked (item not done)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview drill cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} · yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} · edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In {interval}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a card from selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate drill card {rating}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate card {rating}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore card text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved (card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made (card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set desired retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed (desired retention)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a good answer covers:</source>
        <extracomment>Change kinds that a review takes in while it runs (besides its own steps): a status can lock a card again (it leaves the session) or unlock it (it comes back). A card whose next step falls this soon comes back before the session ends, as Anki&apos;s learn-ahead limit does: a new card&apos;s learning steps are minutes apart, and a session that ended with them would leave cards due ten minutes after &quot;done&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rating} {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I did not remember it (shown again soon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I remembered it with real effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I remembered it after a moment&apos;s thought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I knew it at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} mo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 card due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} cards due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <source>Practice</source>
        <extracomment>Change kinds after which cards of the list are read again (a status locks or unlocks the item&apos;s cards; &quot;all&quot; and &quot;content&quot; read every card). Changes kept for a hidden list before it is simply read whole when shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the cards due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start reviewing the cards due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview drill…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the interview drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed interview questions for a role, with a model answer and a rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a card of your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desired retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How likely you want to be to recall a card when it comes back. Higher means more reviews; 90 % suits most learners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aim to &amp;remember:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter cards by words, item or tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected card (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend the selected card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reviews} to review again and {new} new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{new} new cards from items you finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reviews} to review again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {minutes} minutes with the keyboard: Space shows an answer, 1–4 rate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards unlock when you finish items: mark an item done and its recall cards appear here, to review a day later, then at growing intervals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards unlock when you finish items; next review {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards unlock when you finish items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} new cards wait for tomorrow&apos;s allowance of new cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the selected card to reviews</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Edit learner name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name as your mentor knows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (shown to your mentor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(made when you first save)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your learner id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the learner id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your summaries carry your name and learner id, so your mentor&apos;s feedback comes back to your data and nobody else&apos;s. The id never changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name
(shown to your mentor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made (your learner id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner id copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved (your name): {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickOpen</name>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month {number} · {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {number} · {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find an item, milestone, reading, role, week, month or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a few letters; Up and Down choose a result, Enter opens it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to find; Enter opens, Esc closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} found. Enter opens the first highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadinessPage</name>
    <message>
        <source>Readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How close your finished work brings you to each role. Only done items count; a milestone counts fully once it has an evidence link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make primary role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the shown role your primary role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose target roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All roles (★ your targets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness across roles (radar chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill-area scores (bar chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness explained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next best steps — readiness points gained per hour of work (Enter or double-click opens the item)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{role}: {score} / 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>targets: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no target roles chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale: rings to {maximum} of 100 readiness points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{area} · {weight} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add evidence to: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing left to do for this role.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingDetail</name>
    <message>
        <source>Reading link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a saved copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PDF, web page or any file you saved to read offline. Cairn never downloads anything itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open saved copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the saved copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items that use this reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click an item to open it in its week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {number} · {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reading selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a reading in the list to see where it points, mark how far you got and keep an offline copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available offline. Save the page or PDF yourself, then attach the file here to read it on a train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available offline: {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved copy is missing: {file} (moved or deleted?). Attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a saved copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark reading {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach offline copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove offline copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingsModel</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used by 1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used by {count} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingsPage</name>
    <message>
        <source>Readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search title, author or topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reading matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} readings · {read} read · {reading} in progress · showing {shown}. Space marks the selected reading read; Enter opens it in your browser.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceivedComments</name>
    <message>
        <source>Mentor feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments from your mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier mentor feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier feedback to the learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {mentor}, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the mentor, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From your mentor {name}, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From your mentor, {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message>
        <source>Remembered per skill area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembered (practice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of what you finished you would recall now: the average recall of the area&apos;s reviewed cards. Shown beside readiness; it never changes the score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{area}: remembered {value}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewWidget</name>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End review (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop here and see the summary (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show answer · Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the answer (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note on this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit card… · E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this card (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend · S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend this card (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave this card out of reviews until you restore it (Edit → Undo brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space shows the answer · 1 Again · 2 Hard · 3 Good · 4 Easy · E edit · S suspend · Ctrl+Z takes the last rating back · Esc ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate {rating} ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You wrote no note on this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rating} · {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate {rating} ({key}): next review in {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the answer first (Space), then rate it 1–4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolesPage</name>
    <message>
        <source>Primary target role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role Today&apos;s next steps and the readiness page aim at first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other target roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: tick with Space any other role you may aim at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Aim first at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Also interested in (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which role are you working towards?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today suggests next steps for your first role; others are shown on the readiness page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SafetyMenu</name>
    <message>
        <source>1 backup kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} backups kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>items done unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 item done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} items done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore backup of {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup of {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your progress file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup before the check failed ({reason}), so the check did not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check could not run: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your progress file is healthy: integrity and foreign keys checked, {kept}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is healthy again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated with changes made outside this window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item or reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionSummary</name>
    <message>
        <source>Review summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the Practice page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the cards due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({grades} ratings: cards you did not recall, and cards still in their learning steps, came back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({grades} ratings: cards you did not recall came back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({grades} ratings: cards still in their learning steps came back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You reviewed 1 card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You reviewed {count} cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and suspended {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time taken: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} more due now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review: {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card is scheduled yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionTable</name>
    <message>
        <source>Study sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every recorded study session; Enter edits the selected one, Delete deletes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected study session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected study session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} sessions, {hours} h in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study time recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharingMenu</name>
    <message>
        <source>Cairn files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import feedback from {mentor}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export progress summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a Cairn progress export or your mentor&apos;s feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name as your mentor sees it, and your id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark mentor &amp;feedback as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open learner summaries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor feedback marked as read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a progress export or your mentor&apos;s feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the progress in {file} ({who}, exported {when}) into yours? For each item the newer change is kept; nothing is deleted, and a backup is made first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the feedback from {mentor} on 1 item?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the feedback from {mentor} on {n} items?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the feedback from {mentor}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today shows what is new; each item shows its comments. A backup is made first, so Edit → Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} holds the progress of {who} (learner {theirs}…), and your data already holds progress of your own (learner {mine}…). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it is your own progress from another computer, restore it into your data: it is merged with yours (for each item the newer change is kept), your data takes its learner id, and a backup is made first, so Edit → Undo puts everything back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another learner&apos;s progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore it into my data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open learner summaries (Cairn JSON exports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some summaries could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>In a practice review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In an interview drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate Again, Hard, Good, Easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the last rating back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the model answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a list of items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark {status} (every selected row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select several rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Find anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next pane or control (navigation → list → details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusInput</name>
    <message>
        <source>Mark {count} items {status}</source>
        <extracomment>Single keys that set a status in every list of items (besides Ctrl+1…4).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopPrompt</name>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close and keep the timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You timed less than a minute ({seconds} s). Keep it as 1 minute of study, or discard it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep 1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a 1-minute session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw the timed session away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timer was left running while Cairn was closed or the computer was idle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is a long session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You started at {time} — {length} ago. {why} Save {length}, save up to a time you choose, or discard it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Studied &amp;until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Studied until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save {length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save up to then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save until the time chosen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudyCalendar</name>
    <message>
        <source>{minutes} min studied</source>
        <extracomment>Changes that touch neither the status history nor the study sessions.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar of study days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} days with study since {start}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focused: {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More (0, 30 min, 1 h, 2 h+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab here, then use the arrow keys to read each day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudySessions</name>
    <message>
        <source>Add time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record time studied away from the laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected study session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected study session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all ({count} more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimerControls</name>
    <message>
        <source>Study timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and record the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the study timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume the study timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the study timer and record the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the study timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not timing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifiedBadge</name>
    <message>
        <source>Verified by your mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mentor checked this milestone&apos;s evidence. It counts fully toward readiness, like a milestone with a link to proof.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Verified by {mentor} on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Verified by your mentor on {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyCheck</name>
    <message>
        <source>Evidence verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick when you have checked this milestone&apos;s evidence yourself. Once the learner imports your feedback, the milestone shows &apos;Verified by&apos; you and their readiness counts it as proven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to verify yet: this milestone is not done and has no evidence.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeekActions</name>
    <message>
        <source>Mark week {number} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset week {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a week first: these act on the week in view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every item of week {number} is already done (or skipped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every item of week {number} is already “To do”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark week {number} done?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This marks {count} items of week {number} done. Edit → Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset week {number}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sets {count} items of week {number} back to “To do”. Edit → Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark {count} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why your answers were not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the welcome; nothing is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your roles and plan, then open Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved (your name): {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Not {what}: {reason}</source>
        <extracomment>What a learner action may raise that a learner can read: bad input, the database refusing, the disk or folder refusing.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>New comments from your mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an item to read the comment in the item pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learner has not set a study plan yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan yet: set your start date and weekly hours in Tools → Your plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan: {hours} h a week from {start}. {done}% done, {expected}% expected by today. Finish at your pace: {finish}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Practice:** [{cards}]({link}): a few minutes of recall keeps what you finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week: {hours} h studied. Streak: {streak}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Time to choose:** {choices}. Pick an option below; the others then leave your totals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} (due week {week})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your mentor {actions}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commented on 1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commented on {count} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent {count} notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified 1 milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified {count} milestones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}, {second} and {third}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({count} of the items are no longer in the curriculum.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note from {mentor}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note from your mentor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month {number}: {title}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Further study (optional, not counted): {readings}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {number} · {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month {number} · {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — your primary role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}{mark}: readiness {score} of 100. Heaviest areas: {areas}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The roles share one set of skill areas: work you finish counts toward every role it serves. Choose a role on the left to see its areas and the work that builds them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
