-- The units directory (单位名录): every organisation the rules speak of, with its level, kind,
-- administrative region (GB/T 2260, extended to 9 and 12 digits for townships and villages) and parent.
CREATE TABLE unit (
    code         VARCHAR(40)   PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    name_en      VARCHAR(200),
    level        VARCHAR(20)   NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    kind         VARCHAR(30)   NOT NULL CHECK (kind IN ('PARTY_COMMITTEE', 'GOVERNMENT', 'PARTY_OFFICE',
                     'GOVERNMENT_OFFICE', 'DEPARTMENT', 'COORDINATION_BODY', 'DISCIPLINE_COMMISSION',
                     'ORGANIZATION_DEPARTMENT', 'ENTERPRISE', 'SCHOOL', 'OTHER')),
    branch       VARCHAR(20)   NOT NULL DEFAULT 'NONE' CHECK (branch IN ('PARTY', 'GOVERNMENT', 'NONE')),
    region_code  VARCHAR(12)   NOT NULL CHECK (region_code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
    parent_code  VARCHAR(40)   REFERENCES unit (code),
    retired      BOOLEAN       NOT NULL DEFAULT FALSE,
    retired_at   TIMESTAMPTZ,
    version      BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX unit_parent ON unit (parent_code);
CREATE INDEX unit_region ON unit (region_code varchar_pattern_ops);
CREATE INDEX unit_level_kind ON unit (level, kind);
