-- Article 5: every plan of a level is approved by that level's party committee, submitted to it by
-- the party office (统一报); the government office reviews government departments' plans first.
ALTER TABLE plan ADD COLUMN submitting_office_code VARCHAR(40);
UPDATE plan p SET submitting_office_code = o.code
  FROM unit org, unit o
 WHERE org.code = p.organiser_unit_code AND o.region_code = org.region_code AND o.kind = 'PARTY_OFFICE' AND NOT o.retired;
UPDATE plan p SET approving_body_code = c.code
  FROM unit org, unit c
 WHERE org.code = p.organiser_unit_code AND c.region_code = org.region_code AND c.kind = 'PARTY_COMMITTEE' AND NOT c.retired;
UPDATE plan SET submitting_office_code = reviewing_office_code WHERE submitting_office_code IS NULL;

-- Articles 6, 9, 10: unified deployments and coordination-body approvals on record, checked by reference.
CREATE TABLE mandate (
    id                  BIGINT        PRIMARY KEY,
    kind                VARCHAR(40)   NOT NULL,
    reference           VARCHAR(200)  NOT NULL UNIQUE,
    title               VARCHAR(300)  NOT NULL,
    granting_unit_code  VARCHAR(40)   NOT NULL,
    granting_unit_kind  VARCHAR(40)   NOT NULL,
    granting_region_code VARCHAR(12)  NOT NULL,
    grantee_unit_code   VARCHAR(40),
    year                INT           NOT NULL,
    recorded_by         VARCHAR(200)  NOT NULL,
    recorded_at         TIMESTAMPTZ   NOT NULL
);
CREATE SEQUENCE mandate_seq INCREMENT BY 50;
ALTER TABLE plan_item ADD COLUMN unified_deployment_reference VARCHAR(200);
-- Articles 7, 26 (层层加码): the upper-level item a lower level's item implements.
ALTER TABLE plan_item ADD COLUMN implements_approval_code VARCHAR(40);
CREATE INDEX plan_submitting_office ON plan (submitting_office_code);
