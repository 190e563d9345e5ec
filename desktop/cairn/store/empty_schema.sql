-- Cairn's empty database at schema revision 0006, made by
-- tools/make_schema_template.py from the migrations. Do not edit by hand.
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE item_state (
	content_id VARCHAR(64) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (content_id)
);
CREATE TABLE status_change (
	id INTEGER NOT NULL, 
	content_id VARCHAR(64) NOT NULL, 
	old_status VARCHAR(16), 
	new_status VARCHAR(16) NOT NULL, 
	changed_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(content_id) REFERENCES item_state (content_id) ON DELETE CASCADE
);
CREATE INDEX ix_status_change_content ON status_change (content_id, changed_at);
CREATE TABLE note (
	content_id VARCHAR(64) NOT NULL, 
	body TEXT NOT NULL, 
	private BOOLEAN NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (content_id)
);
CREATE TABLE setting (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE reading_state (
	content_id VARCHAR(64) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (content_id)
);
CREATE TABLE reading_copy (
	content_id VARCHAR(64) NOT NULL, 
	path TEXT NOT NULL, 
	added_at DATETIME NOT NULL, 
	PRIMARY KEY (content_id)
);
CREATE TABLE choice (
	group_id VARCHAR(64) NOT NULL, 
	options TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (group_id)
);
CREATE TABLE "study_session" (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	content_id VARCHAR(64) NOT NULL, 
	started_at DATETIME NOT NULL, 
	minutes INTEGER NOT NULL, 
	source VARCHAR(16) NOT NULL
);
CREATE INDEX ix_study_session_started ON study_session (started_at);
CREATE TABLE "evidence" (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	content_id VARCHAR(64) NOT NULL, 
	url TEXT NOT NULL, 
	added_at DATETIME NOT NULL
);
CREATE INDEX ix_evidence_content ON evidence (content_id);
CREATE TABLE mentor_comment (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	content_id VARCHAR(64) NOT NULL, 
	body TEXT NOT NULL, 
	mentor VARCHAR(200) NOT NULL, 
	written_at DATETIME NOT NULL, 
	received_at DATETIME NOT NULL
);
CREATE INDEX ix_mentor_comment_content ON mentor_comment (content_id, written_at);
CREATE TABLE verification (
	content_id VARCHAR(64) NOT NULL, 
	verified_at DATETIME NOT NULL, 
	mentor VARCHAR(200) NOT NULL, 
	PRIMARY KEY (content_id)
);
CREATE TABLE own_card (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	item_id VARCHAR(64) NOT NULL, 
	prompt TEXT NOT NULL, 
	answer TEXT NOT NULL, 
	tags TEXT NOT NULL, 
	created_at DATETIME NOT NULL
);
CREATE TABLE card_text (
	card_id VARCHAR(64) NOT NULL, 
	prompt TEXT NOT NULL, 
	answer TEXT NOT NULL, 
	edited_at DATETIME NOT NULL, 
	PRIMARY KEY (card_id)
);
CREATE TABLE card_state (
	card_id VARCHAR(64) NOT NULL, 
	due DATETIME, 
	stability FLOAT, 
	difficulty FLOAT, 
	state INTEGER, 
	step INTEGER, 
	last_review DATETIME, 
	reps INTEGER NOT NULL, 
	lapses INTEGER NOT NULL, 
	suspended BOOLEAN NOT NULL, 
	PRIMARY KEY (card_id)
);
CREATE INDEX ix_card_state_due ON card_state (due);
CREATE TABLE review_log (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	card_id VARCHAR(64) NOT NULL, 
	rating INTEGER NOT NULL, 
	reviewed_at DATETIME NOT NULL, 
	duration_ms INTEGER, 
	mode VARCHAR(16) NOT NULL
);
CREATE INDEX ix_review_log_card ON review_log (card_id, reviewed_at);
CREATE INDEX ix_review_log_time ON review_log (reviewed_at);
INSERT INTO alembic_version (version_num) VALUES ('0006');
