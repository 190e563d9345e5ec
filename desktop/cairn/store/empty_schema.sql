-- Cairn's empty database at schema revision 0005, made by
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
INSERT INTO alembic_version (version_num) VALUES ('0005');
