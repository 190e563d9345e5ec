<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
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
        <source>Since my last export</source>
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
        <source>Since my last export (none yet: everything)</source>
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
        <source>Saved {file}, but the time of this export was {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}. Nothing else was changed.</source>
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
    <name>PanesPage</name>
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
    <name>StatusInput</name>
    <message>
        <source>Mark {count} items {status}</source>
        <extracomment>Single keys that set a status in every list of items (besides Ctrl+1…4).</extracomment>
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
        <source>Every item of week {number} is already to do.</source>
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
        <source>This sets {count} items of week {number} back to to do. Edit → Undo takes it back.</source>
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
</context>
</TS>
