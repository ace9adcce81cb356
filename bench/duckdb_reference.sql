-- The indicator catalogue, version 1 (spec: indicators.md), as DuckDB SQL.
--
-- An independent reference ("oracle") for Bottomline's figures: it reads the
-- nine feeds of one data folder and returns the long output `indicators.csv`
-- (level, code, name, indicator, numerator, denominator, value), one row per
-- (level, code, indicator), in the spec's order.
--
-- SCOPE: CLEAN FEEDS ONLY. This SQL assumes every row is valid, no key is
-- duplicated and every reference resolves (as in `bottomline generate` output
-- without --dirty), UTF-8, no spaces around unquoted fields, at most 2
-- decimals in income_per_capita. It does not quarantine anything: the Swift
-- pipeline does that; on a dirty folder the two are not expected to agree.
--
-- Variables, set before this script runs (bench/duckdb_reference.py does it):
--   data_dir         VARCHAR  folder holding the nine CSV feeds
--   ref_date         DATE     the reference date R (the run's --date)
--   monitoring_line  DECIMAL  optional, yuan of income_per_capita (default 7500)
--   province_name    VARCHAR  optional (default 贵州省)
-- e.g.  SET VARIABLE data_dir = 'bench/cache/p1000000';
--       SET VARIABLE ref_date = DATE '2026-11-28';
--
-- Every column is read as VARCHAR (codes and IDs keep their leading zeros) and
-- matched by header name, so column order and extra columns do not matter;
-- dates, decimals and years are cast explicitly below; flags are compared as
-- the text '0'/'1'. The last statement returns the result.

-- `numerator / denominator` rounded half up to `decimals` places, in integer
-- arithmetic; NULL (an empty field) when the denominator is 0.
CREATE OR REPLACE MACRO ratio_scaled(numerator, denominator, decimals) AS
    (CAST(numerator AS HUGEINT) * CAST(pow(10, decimals) AS BIGINT) * 2 + denominator)
        // (2 * CAST(denominator AS HUGEINT));

CREATE OR REPLACE MACRO ratio_text(numerator, denominator, decimals) AS
    CASE WHEN denominator = 0 THEN NULL
         ELSE CAST(ratio_scaled(numerator, denominator, decimals) // CAST(pow(10, decimals) AS BIGINT) AS VARCHAR)
              || CASE WHEN decimals > 0
                      THEN '.' || lpad(CAST(ratio_scaled(numerator, denominator, decimals)
                                            % CAST(pow(10, decimals) AS BIGINT) AS VARCHAR), decimals, '0')
                      ELSE '' END
    END;

-- Age in full years at R from the birth date inside an 18-character resident
-- ID (characters 7-14, YYYYMMDD): one less when R's (month, day) comes before
-- the birthday's. Born 29 February: a year older on 1 March in a non-leap year.
CREATE OR REPLACE MACRO age_at(person_id, r) AS
    year(r) - CAST(substr(person_id, 7, 4) AS INTEGER)
    - CASE WHEN month(r) * 100 + day(r)
                < CAST(substr(person_id, 11, 2) AS INTEGER) * 100 + CAST(substr(person_id, 13, 2) AS INTEGER)
           THEN 1 ELSE 0 END;

-- One feed of the data folder, every column as text, empty field = NULL.
CREATE OR REPLACE MACRO feed(name) AS TABLE
    SELECT * FROM read_csv(getvariable('data_dir') || '/' || name || '.csv',
                           header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
                           auto_detect = true);

-- The catalogue, in its order: id, whether it is a rate/ratio, decimals.
CREATE OR REPLACE TEMP VIEW catalogue AS
SELECT * FROM (VALUES
    ( 1, 'persons',                          false, 0),
    ( 2, 'households',                       false, 0),
    ( 3, 'covered_persons',                  false, 0),
    ( 4, 'monitored_persons',                false, 0),
    ( 5, 'risk_elimination_rate',            true,  4),
    ( 6, 'inclusion_within_15d_rate',        true,  4),
    ( 7, 'insurance_rate',                   true,  4),
    ( 8, 'compulsory_dropouts',              false, 0),
    ( 9, 'unsafe_housing_households',        false, 0),
    (10, 'tap_water_rate',                   true,  4),
    (11, 'migrant_workers',                  false, 0),
    (12, 'relocation_employment_rate',       true,  4),
    (13, 'employed_per_relocated_household', true,  2),
    (14, 'zero_employment_households',       false, 0),
    (15, 'suspected_omissions',              false, 0),
    (16, 'assistance_match_rate',            true,  4)
) AS c(position, indicator, is_ratio, decimals);

-- ---------------------------------------------------------------- feeds ----

CREATE OR REPLACE TEMP VIEW regions AS
SELECT prefecture_code, prefecture_name, county_code, county_name
FROM feed('regions');

CREATE OR REPLACE TEMP VIEW villages AS
SELECT village_code, village_name, township_code, township_name, county_code
FROM feed('villages');

CREATE OR REPLACE TEMP VIEW households AS
SELECT household_id, village_code, category, risk_status,
       CAST(clue_date AS DATE)      AS clue_date,
       CAST(inclusion_date AS DATE) AS inclusion_date,
       relocated = '1'              AS relocated,
       CAST(income_per_capita AS DECIMAL(18, 2)) AS income_per_capita,
       -- the `;`-separated measures as a list (empty list when the field is empty)
       coalesce(string_split(assistance, ';'), [])  AS assistance
FROM feed('households');

-- `x` in a resident ID is read as `X`.
CREATE OR REPLACE TEMP VIEW persons AS
SELECT upper(person_id) AS person_id, household_id, labor_capacity
FROM feed('persons');

-- Persons insured in the reference year (no row means not insured).
CREATE OR REPLACE TEMP VIEW insured_persons AS
SELECT DISTINCT upper(person_id) AS person_id
FROM feed('medical_insurance')
WHERE CAST(year AS INTEGER) = year(getvariable('ref_date')) AND insured = '1';

CREATE OR REPLACE TEMP VIEW education AS
SELECT upper(person_id) AS person_id, status FROM feed('education');

CREATE OR REPLACE TEMP VIEW employment AS
SELECT upper(person_id) AS person_id, status, location FROM feed('employment');

CREATE OR REPLACE TEMP VIEW housing AS
SELECT household_id, grade, renovated FROM feed('housing');

CREATE OR REPLACE TEMP VIEW water AS
SELECT household_id, tap_water, safe FROM feed('water');

-- ------------------------------------------------------------- persons ----

-- One row per person with the terms of the spec as booleans. A missing
-- sector row makes its condition false.
CREATE OR REPLACE TEMP VIEW person_facts AS
SELECT p.household_id,
       p.labor_capacity,
       p.age,
       h.category IN ('poverty_alleviated', 'monitored')              AS covered,
       h.category = 'monitored'                                       AS in_monitored_household,
       h.category = 'monitored' AND coalesce(h.risk_status = 'eliminated', false) AS risk_eliminated,
       i.person_id IS NOT NULL                                        AS insured,
       coalesce(e.status = 'dropped_out', false)                      AS dropped_out,
       coalesce(m.status = 'employed', false)                         AS employed,
       coalesce(m.status = 'employed' AND m.location IN ('province', 'outside_province'), false)
                                                                      AS employed_outside_county,
       h.relocated AND p.labor_capacity IN ('full', 'weak') AND p.age BETWEEN 16 AND 64
                                                                      AS relocated_labour
FROM (SELECT *, age_at(person_id, getvariable('ref_date')) AS age FROM persons) AS p
JOIN households AS h USING (household_id)
LEFT JOIN insured_persons AS i USING (person_id)
LEFT JOIN education AS e USING (person_id)
LEFT JOIN employment AS m USING (person_id);

-- Per household: the person-level counts of its members and the member facts
-- household indicators need.
CREATE OR REPLACE TEMP VIEW household_members AS
SELECT household_id,
       count(*)                                                          AS persons,
       count(*) FILTER (WHERE covered)                                   AS covered_persons,
       count(*) FILTER (WHERE in_monitored_household)                    AS monitored_persons,
       count(*) FILTER (WHERE risk_eliminated)                           AS risk_eliminated_persons,
       count(*) FILTER (WHERE covered AND insured)                       AS covered_insured_persons,
       count(*) FILTER (WHERE covered AND age BETWEEN 6 AND 15 AND dropped_out) AS compulsory_dropouts,
       count(*) FILTER (WHERE covered AND employed_outside_county)       AS migrant_workers,
       count(*) FILTER (WHERE relocated_labour)                          AS relocated_labour,
       count(*) FILTER (WHERE relocated_labour AND employed)             AS relocated_labour_employed,
       bool_or(labor_capacity = 'full')                                  AS any_full,
       bool_or(labor_capacity = 'weak')                                  AS any_weak,
       bool_or(age BETWEEN 6 AND 15 AND dropped_out)                     AS any_dropout_6_15,
       bool_or(NOT insured)                                              AS any_not_insured
FROM person_facts
GROUP BY household_id;

-- ---------------------------------------------------------- households ----

CREATE OR REPLACE TEMP VIEW household_facts AS
SELECT h.household_id,
       h.village_code,
       coalesce(m.persons, 0)                   AS persons,
       coalesce(m.covered_persons, 0)           AS covered_persons,
       coalesce(m.monitored_persons, 0)         AS monitored_persons,
       coalesce(m.risk_eliminated_persons, 0)   AS risk_eliminated_persons,
       coalesce(m.covered_insured_persons, 0)   AS covered_insured_persons,
       coalesce(m.compulsory_dropouts, 0)       AS compulsory_dropouts,
       coalesce(m.migrant_workers, 0)           AS migrant_workers,
       coalesce(m.relocated_labour, 0)          AS relocated_labour,
       coalesce(m.relocated_labour_employed, 0) AS relocated_labour_employed,
       -- inclusion: monitored, both dates, inclusion not before the clue
       h.category = 'monitored' AND h.clue_date IS NOT NULL AND h.inclusion_date IS NOT NULL
           AND h.inclusion_date >= h.clue_date                                AS inclusion_measured,
       h.category = 'monitored' AND h.clue_date IS NOT NULL AND h.inclusion_date IS NOT NULL
           AND h.inclusion_date >= h.clue_date
           AND h.inclusion_date - h.clue_date <= 15                           AS included_within_15d,
       h.category IN ('poverty_alleviated', 'monitored')
           AND coalesce(s.grade IN ('C', 'D') AND s.renovated = '0', false)   AS covered_unsafe_housing,
       coalesce(w.tap_water = '1', false)                                     AS tap_water,
       h.relocated AND coalesce(m.relocated_labour, 0) > 0                    AS relocated_with_labour,
       h.relocated AND coalesce(m.relocated_labour, 0) > 0
           AND coalesce(m.relocated_labour_employed, 0) = 0                   AS zero_employment,
       h.category = 'ordinary' AND (
              h.income_per_capita < CAST(coalesce(getvariable('monitoring_line'), 7500) AS DECIMAL(18, 2))
           OR coalesce(m.any_dropout_6_15, false)
           OR coalesce(m.any_not_insured, false)
           OR coalesce(s.grade IN ('C', 'D') AND s.renovated = '0', false)
           OR coalesce(w.safe = '0', false))                                  AS suspected_omission,
       h.category = 'monitored' AND coalesce(h.risk_status = 'not_eliminated', false) AS assistance_due,
       h.category = 'monitored' AND coalesce(h.risk_status = 'not_eliminated', false) AND (
           CASE WHEN coalesce(m.any_full, false)
                    THEN list_contains(h.assistance, 'industry') OR list_contains(h.assistance, 'employment')
                WHEN coalesce(m.any_weak, false)
                    THEN list_contains(h.assistance, 'welfare_job')
                ELSE list_contains(h.assistance, 'bottom_line')
           END)                                                               AS assistance_matched
FROM households AS h
LEFT JOIN household_members AS m USING (household_id)
LEFT JOIN housing AS s USING (household_id)
LEFT JOIN water AS w USING (household_id);

-- ------------------------------------------------------------ villages ----

-- Every village of villages.csv with the numerators and denominators the
-- catalogue needs; zeros when it has no households. A table, not a view: the
-- feeds are read and joined once, here.
CREATE OR REPLACE TEMP TABLE village_totals AS
SELECT v.village_code,
       coalesce(sum(f.persons), 0)                                        AS persons,
       count(f.household_id)                                              AS households,
       coalesce(sum(f.covered_persons), 0)                                AS covered_persons,
       coalesce(sum(f.monitored_persons), 0)                              AS monitored_persons,
       coalesce(sum(f.risk_eliminated_persons), 0)                        AS risk_eliminated_persons,
       count(*) FILTER (WHERE f.inclusion_measured)                       AS inclusion_measured,
       count(*) FILTER (WHERE f.included_within_15d)                      AS included_within_15d,
       coalesce(sum(f.covered_insured_persons), 0)                        AS covered_insured_persons,
       coalesce(sum(f.compulsory_dropouts), 0)                            AS compulsory_dropouts,
       count(*) FILTER (WHERE f.covered_unsafe_housing)                   AS covered_unsafe_housing,
       count(*) FILTER (WHERE f.tap_water)                                AS tap_water,
       coalesce(sum(f.migrant_workers), 0)                                AS migrant_workers,
       coalesce(sum(f.relocated_labour), 0)                               AS relocated_labour,
       coalesce(sum(f.relocated_labour_employed), 0)                      AS relocated_labour_employed,
       count(*) FILTER (WHERE f.relocated_with_labour)                    AS relocated_with_labour,
       count(*) FILTER (WHERE f.zero_employment)                          AS zero_employment,
       count(*) FILTER (WHERE f.suspected_omission)                       AS suspected_omissions,
       count(*) FILTER (WHERE f.assistance_due)                           AS assistance_due,
       count(*) FILTER (WHERE f.assistance_matched)                       AS assistance_matched
FROM villages AS v
LEFT JOIN household_facts AS f USING (village_code)
GROUP BY v.village_code;

-- ------------------------------------------------------------- roll-up ----

-- Each village's totals with the codes of the units above it.
CREATE OR REPLACE TEMP VIEW village_rollup AS
SELECT left(v.county_code, 2) AS province_code, r.prefecture_code, v.county_code, v.township_code, t.*
FROM village_totals AS t
JOIN villages AS v USING (village_code)
LEFT JOIN regions AS r USING (county_code);

-- Higher levels sum the villages' totals (numerators and denominators alike).
CREATE OR REPLACE TEMP VIEW area_totals AS
SELECT 'province' AS level, province_code AS code,
       sum(COLUMNS(* EXCLUDE (province_code, prefecture_code, county_code, township_code, village_code)))
FROM village_rollup GROUP BY province_code
UNION ALL
SELECT 'prefecture', prefecture_code,
       sum(COLUMNS(* EXCLUDE (province_code, prefecture_code, county_code, township_code, village_code)))
FROM village_rollup GROUP BY prefecture_code
UNION ALL
SELECT 'county', county_code,
       sum(COLUMNS(* EXCLUDE (province_code, prefecture_code, county_code, township_code, village_code)))
FROM village_rollup GROUP BY county_code
UNION ALL
SELECT 'township', township_code,
       sum(COLUMNS(* EXCLUDE (province_code, prefecture_code, county_code, township_code, village_code)))
FROM village_rollup GROUP BY township_code
UNION ALL
SELECT 'village', village_code,
       sum(COLUMNS(* EXCLUDE (province_code, prefecture_code, county_code, township_code, village_code)))
FROM village_rollup GROUP BY village_code;

-- Every unit that appears in the output, with its name. Counties and
-- prefectures come from regions.csv (even without villages); townships and
-- villages from villages.csv. A township's name is that of its first village
-- by village code; a prefecture's that of its first county by county code.
CREATE OR REPLACE TEMP VIEW areas AS
SELECT 1 AS level_order, 'province' AS level, left(county_code, 2) AS code,
       coalesce(getvariable('province_name'), '贵州省') AS name
FROM regions GROUP BY left(county_code, 2)
UNION ALL
SELECT 2, 'prefecture', prefecture_code, arg_min(prefecture_name, county_code)
FROM regions GROUP BY prefecture_code
UNION ALL
SELECT 3, 'county', county_code, county_name FROM regions
UNION ALL
SELECT 4, 'township', township_code, arg_min(township_name, village_code)
FROM villages GROUP BY township_code
UNION ALL
SELECT 5, 'village', village_code, village_name FROM villages;

-- Each indicator's numerator and denominator for every area (NULL
-- denominator for counts; an area without villages has no totals: zeros).
CREATE OR REPLACE TEMP VIEW area_figures AS
SELECT a.level_order, a.level, a.code, a.name, f.indicator,
       CAST(coalesce(f.numerator, 0) AS BIGINT) AS numerator,
       CAST(coalesce(f.denominator, 0) AS BIGINT) AS denominator
FROM areas AS a
LEFT JOIN area_totals AS t USING (level, code),
LATERAL (VALUES
    ('persons',                          t.persons,                   NULL),
    ('households',                       t.households,                NULL),
    ('covered_persons',                  t.covered_persons,           NULL),
    ('monitored_persons',                t.monitored_persons,         NULL),
    ('risk_elimination_rate',            t.risk_eliminated_persons,   t.monitored_persons),
    ('inclusion_within_15d_rate',        t.included_within_15d,       t.inclusion_measured),
    ('insurance_rate',                   t.covered_insured_persons,   t.covered_persons),
    ('compulsory_dropouts',              t.compulsory_dropouts,       NULL),
    ('unsafe_housing_households',        t.covered_unsafe_housing,    NULL),
    ('tap_water_rate',                   t.tap_water,                 t.households),
    ('migrant_workers',                  t.migrant_workers,           NULL),
    ('relocation_employment_rate',       t.relocated_labour_employed, t.relocated_labour),
    ('employed_per_relocated_household', t.relocated_labour_employed, t.relocated_with_labour),
    ('zero_employment_households',       t.zero_employment,           NULL),
    ('suspected_omissions',              t.suspected_omissions,       NULL),
    ('assistance_match_rate',            t.assistance_matched,        t.assistance_due)
) AS f(indicator, numerator, denominator);

-- -------------------------------------------------------------- output ----

-- The long output: every (level, code, indicator); counts have an empty
-- denominator and their count as value; ratios divide once, at the end.
-- Empty fields are NULL (written as empty CSV fields).
CREATE OR REPLACE TEMP VIEW indicators_long AS
SELECT f.level,
       f.code,
       f.name,
       f.indicator,
       CAST(f.numerator AS VARCHAR) AS numerator,
       CASE WHEN c.is_ratio THEN CAST(f.denominator AS VARCHAR) END AS denominator,
       CASE WHEN c.is_ratio THEN ratio_text(f.numerator, f.denominator, c.decimals)
            ELSE CAST(f.numerator AS VARCHAR)
       END AS value
FROM area_figures AS f
JOIN catalogue AS c USING (indicator)
ORDER BY f.level_order, f.code, c.position;

-- The result (bench/duckdb_reference.py replaces this last statement with a
-- COPY of the same view to the output CSV).
SELECT * FROM indicators_long;
