-- 党内统计 classifications (issue 23). Codes are those of cn.dangjian.events.member Occupation,
-- EducationLevel, UnitType and Affiliation; UNSPECIFIED (未填) until someone records them.
ALTER TABLE member
  ADD COLUMN occupation      VARCHAR(30) NOT NULL DEFAULT 'UNSPECIFIED',
  ADD COLUMN education_level VARCHAR(30) NOT NULL DEFAULT 'UNSPECIFIED',
  ADD COLUMN post            VARCHAR(50) NULL;

-- The education level of existing records, read from the free-text 学历 the way
-- cn.dangjian.member.person.ClassificationRules.educationLevel does (keep the two in step):
-- the first group whose word the text contains wins.
UPDATE member SET education_level =
  CASE
    WHEN education LIKE '%研究生%' OR education LIKE '%硕士%' OR education LIKE '%博士%'
      THEN 'POSTGRADUATE'
    WHEN education LIKE '%本科%' OR education LIKE '%学士%' THEN 'UNDERGRADUATE'
    WHEN education LIKE '%大专%' OR education LIKE '%专科%' THEN 'JUNIOR_COLLEGE'
    WHEN education LIKE '%中专%' OR education LIKE '%中技%' OR education LIKE '%职高%'
      THEN 'SECONDARY_VOCATIONAL'
    WHEN education LIKE '%高中%' THEN 'HIGH_SCHOOL'
    WHEN education LIKE '%初中%' OR education LIKE '%小学%' THEN 'JUNIOR_HIGH_OR_BELOW'
    ELSE 'UNSPECIFIED'
  END
WHERE education IS NOT NULL;

ALTER TABLE org_unit
  ADD COLUMN unit_type   VARCHAR(30) NOT NULL DEFAULT 'UNSPECIFIED',
  ADD COLUMN affiliation VARCHAR(30) NOT NULL DEFAULT 'UNSPECIFIED';
