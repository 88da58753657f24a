-- Article 22: exams and quizzes (考试答题) asked of the grassroots are a burden counted like surveys.
ALTER TABLE visit ADD COLUMN exams INTEGER NOT NULL DEFAULT 0;
-- Article 10 (ON-SITE-AS-APPROVED): what the item was approved for, as plans-service answered at opening.
ALTER TABLE inspection ADD COLUMN approved_on_site BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE inspection ADD COLUMN approved_construction_site_visits INTEGER NOT NULL DEFAULT 0;
