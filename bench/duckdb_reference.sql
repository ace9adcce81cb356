-- The indicator catalogue, version 2 (spec: indicators.md v2, feeds.md v2), as DuckDB SQL.
--
-- An independent reference ("oracle") for Bottomline's figures: it reads the
-- ten feeds of one data folder and returns the long output `indicators.csv`
-- (level, code, name, indicator, numerator, denominator, value), one row per
-- (level, code, indicator), in the spec's order: levels province, group,
-- prefecture, county, township, village, site; then code; then the
-- catalogue's order, a breakdown's values in the contract's order.
--
-- SCOPE: CLEAN FEEDS ONLY. This SQL assumes every row is valid, no key is
-- duplicated and every reference resolves (as in `bottomline generate` output
-- without --dirty), UTF-8, no spaces around unquoted fields. It does not
-- quarantine anything: the Swift pipeline does that; on a dirty folder the
-- two are not expected to agree.
--
-- Variables, set before this script runs (bench/duckdb_reference.py does it):
--   data_dir         VARCHAR  folder holding the ten CSV feeds
--   ref_date         DATE     the reference date R (the run's --date)
-- optional, each with the catalogue's default:
--   monitoring_line  DECIMAL  L, yuan of income_per_capita            7500
--   province_name    VARCHAR  the province's name                     贵州省
--   group_name       VARCHAR  the key_counties group's name           国家乡村振兴重点帮扶县
--   clue_days        INTEGER  the inclusion window (days)             15
--   infant_days      INTEGER  insurance: members at least this old    90
--   stable_days      INTEGER  elimination − inclusion, at least       183
--   income_drop      DECIMAL  share of last year's income lost        0.30
--   line_multiple    DECIMAL  income_drop and wrongly monitored: × L  1.5
--   migrant_months   INTEGER  months worked away, at least            6
-- e.g.  SET VARIABLE data_dir = 'bench/cache/p1000000';
--       SET VARIABLE ref_date = DATE '2026-11-28';
--
-- Every feed is read with explicit column types, matched by header name
-- (column order and extra columns do not matter): codes and IDs as VARCHAR
-- (leading zeros stay), dates as DATE, money as DECIMAL(18, 2), 0/1 flags as
-- BOOLEAN, counts as INTEGER. The last statement returns the result.

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

-- Age in days at R: R − birth date.
CREATE OR REPLACE MACRO age_in_days(person_id, r) AS
    r - make_date(CAST(substr(person_id, 7, 4) AS INTEGER), CAST(substr(person_id, 11, 2) AS INTEGER),
                  CAST(substr(person_id, 13, 2) AS INTEGER));

-- 1 when the condition holds, 0 when it is false or unknown (a missing sector row).
CREATE OR REPLACE MACRO one(condition) AS CASE WHEN condition THEN 1 ELSE 0 END;

-- The parameters (catalogue defaults unless a variable says otherwise).
CREATE OR REPLACE MACRO ref_date() AS getvariable('ref_date');
CREATE OR REPLACE MACRO year_start() AS make_date(year(getvariable('ref_date')), 1, 1);
CREATE OR REPLACE MACRO line() AS CAST(coalesce(getvariable('monitoring_line'), 7500) AS DECIMAL(18, 2));
CREATE OR REPLACE MACRO line_multiple() AS CAST(coalesce(getvariable('line_multiple'), 1.5) AS DECIMAL(9, 4));
CREATE OR REPLACE MACRO income_drop() AS CAST(coalesce(getvariable('income_drop'), 0.30) AS DECIMAL(9, 4));
CREATE OR REPLACE MACRO clue_days() AS CAST(coalesce(getvariable('clue_days'), 15) AS INTEGER);
CREATE OR REPLACE MACRO infant_days() AS CAST(coalesce(getvariable('infant_days'), 90) AS INTEGER);
CREATE OR REPLACE MACRO stable_days() AS CAST(coalesce(getvariable('stable_days'), 183) AS INTEGER);
CREATE OR REPLACE MACRO migrant_months() AS CAST(coalesce(getvariable('migrant_months'), 6) AS INTEGER);

-- One feed of the data folder with its columns' types given by name; empty field = NULL.
CREATE OR REPLACE MACRO feed(name, column_types) AS TABLE
    SELECT * FROM read_csv(getvariable('data_dir') || '/' || name || '.csv',
                           header = true, delim = ',', quote = '"', escape = '"',
                           types = column_types, auto_detect = true);

-- The catalogue, in its order (a breakdown's values in the contract's order):
-- id, whether it is a rate/ratio, decimals.
CREATE OR REPLACE TEMP VIEW catalogue AS
SELECT * FROM (VALUES
    ( 1, 'persons',                              false, 0),
    ( 2, 'households',                           false, 0),
    ( 3, 'covered_persons',                      false, 0),
    ( 4, 'monitored_households',                 false, 0),
    ( 5, 'monitored_persons',                    false, 0),
    ( 6, 'monitored_by_type.unstable',           false, 0),
    ( 7, 'monitored_by_type.marginal',           false, 0),
    ( 8, 'monitored_by_type.sudden_hardship',    false, 0),
    ( 9, 'at_risk_by_risk_type.illness',         false, 0),
    (10, 'at_risk_by_risk_type.disability',      false, 0),
    (11, 'at_risk_by_risk_type.education',       false, 0),
    (12, 'at_risk_by_risk_type.disaster',        false, 0),
    (13, 'at_risk_by_risk_type.accident',        false, 0),
    (14, 'at_risk_by_risk_type.industry',        false, 0),
    (15, 'at_risk_by_risk_type.employment',      false, 0),
    (16, 'at_risk_by_risk_type.labour_shortage', false, 0),
    (17, 'at_risk_by_risk_type.other',           false, 0),
    (18, 'new_inclusions',                       false, 0),
    (19, 'new_eliminations',                     false, 0),
    (20, 'risk_elimination_rate',                true,  4),
    (21, 'inclusion_within_15d_rate',            true,  4),
    (22, 'overdue_clues',                        false, 0),
    (23, 'insurance_rate',                       true,  4),
    (24, 'compulsory_dropouts',                  false, 0),
    (25, 'out_of_school_children',               false, 0),
    (26, 'unsafe_housing_households',            false, 0),
    (27, 'tap_water_rate',                       true,  4),
    (28, 'water_unreported_households',          false, 0),
    (29, 'migrant_workers',                      false, 0),
    (30, 'relocation_employment_rate',           true,  4),
    (31, 'employed_per_relocated_household',     true,  2),
    (32, 'zero_employment_households',           false, 0),
    (33, 'suspected_omissions',                  false, 0),
    (34, 'assistance_match_rate',                true,  4),
    (35, 'omission_rate',                        true,  4),
    (36, 'monitoring_accuracy',                  true,  4),
    (37, 'assistance_coverage',                  true,  4),
    (38, 'stable_elimination_rate',              true,  4),
    (39, 'false_eliminations',                   false, 0)
) AS c(position, indicator, is_ratio, decimals);

-- ---------------------------------------------------------------- feeds ----

-- Each feed is read once, into a table (each file is sniffed and parsed once).

CREATE OR REPLACE TEMP TABLE regions AS
SELECT prefecture_code, prefecture_name, county_code, county_name, key_county
FROM feed('regions', {'prefecture_code': 'VARCHAR', 'prefecture_name': 'VARCHAR', 'county_code': 'VARCHAR',
                      'county_name': 'VARCHAR', 'key_county': 'BOOLEAN'});

CREATE OR REPLACE TEMP TABLE villages AS
SELECT village_code, village_name, township_code, township_name, county_code
FROM feed('villages', {'village_code': 'VARCHAR', 'village_name': 'VARCHAR', 'township_code': 'VARCHAR',
                       'township_name': 'VARCHAR', 'county_code': 'VARCHAR'});

-- `;`-separated sets become lists (an empty list when the field is empty).
CREATE OR REPLACE TEMP TABLE households AS
SELECT household_id, village_code, category, monitoring_type, risk_status,
       coalesce(string_split(risk_types, ';'), []) AS risk_types,
       clue_date, clue_outcome, inclusion_date, elimination_date, relocated, site_code,
       income_per_capita, income_prev_year,
       coalesce(string_split(assistance, ';'), []) AS assistance
FROM feed('households', {
    'household_id': 'VARCHAR', 'village_code': 'VARCHAR', 'category': 'VARCHAR', 'monitoring_type': 'VARCHAR',
    'risk_status': 'VARCHAR', 'risk_types': 'VARCHAR', 'clue_date': 'DATE', 'clue_outcome': 'VARCHAR',
    'inclusion_date': 'DATE', 'elimination_date': 'DATE', 'relocated': 'BOOLEAN', 'site_code': 'VARCHAR',
    'income_per_capita': 'DECIMAL(18,2)', 'income_prev_year': 'DECIMAL(18,2)', 'assistance': 'VARCHAR'});

-- Members only: `status` resident or empty. Deceased, military and prison
-- persons are in no indicator (nor in any household condition).
-- `x` in a resident ID is read as `X` in every feed.
CREATE OR REPLACE TEMP TABLE members AS
SELECT upper(person_id) AS person_id, household_id, labor_capacity
FROM feed('persons', {'person_id': 'VARCHAR', 'household_id': 'VARCHAR', 'relation': 'VARCHAR',
                      'labor_capacity': 'VARCHAR', 'status': 'VARCHAR'})
WHERE status IS NULL OR status = 'resident';

-- Persons insured in the reference year (no row means not insured).
CREATE OR REPLACE TEMP TABLE insured_persons AS
SELECT DISTINCT upper(person_id) AS person_id
FROM feed('medical_insurance', {'person_id': 'VARCHAR', 'year': 'INTEGER', 'insured': 'BOOLEAN'})
WHERE year = year(ref_date()) AND insured;

CREATE OR REPLACE TEMP TABLE education AS
SELECT upper(person_id) AS person_id, stage, status
FROM feed('education', {'person_id': 'VARCHAR', 'stage': 'VARCHAR', 'status': 'VARCHAR'});

CREATE OR REPLACE TEMP TABLE employment AS
SELECT upper(person_id) AS person_id, status, location, welfare_job, months
FROM feed('employment', {'person_id': 'VARCHAR', 'status': 'VARCHAR', 'location': 'VARCHAR',
                         'welfare_job': 'BOOLEAN', 'months': 'INTEGER', 'monthly_income': 'DECIMAL(18,2)',
                         'trainings': 'INTEGER'});

-- Assistance recipients: `dibao` or `tekun` on R (start ≤ R, end empty or ≥ R).
-- Temporary assistance does not count.
CREATE OR REPLACE TEMP TABLE assistance_recipients AS
SELECT DISTINCT upper(person_id) AS person_id
FROM feed('social_assistance', {'person_id': 'VARCHAR', 'kind': 'VARCHAR', 'start_date': 'DATE',
                                'end_date': 'DATE'})
WHERE kind IN ('dibao', 'tekun') AND start_date <= ref_date() AND (end_date IS NULL OR end_date >= ref_date());

CREATE OR REPLACE TEMP TABLE housing AS
SELECT household_id, grade, renovated
FROM feed('housing', {'household_id': 'VARCHAR', 'grade': 'VARCHAR', 'renovated': 'BOOLEAN'});

CREATE OR REPLACE TEMP TABLE water AS
SELECT household_id, tap_water, safe
FROM feed('water', {'household_id': 'VARCHAR', 'tap_water': 'BOOLEAN', 'safe': 'BOOLEAN'});

-- ------------------------------------------------------------- members ----

-- One row per member with the terms of the spec as booleans. A missing
-- sector row makes its condition false.
CREATE OR REPLACE TEMP VIEW member_facts AS
SELECT p.household_id,
       p.labor_capacity,
       p.age,
       p.age_days,
       h.category IN ('poverty_alleviated', 'monitored')                  AS covered,
       i.person_id IS NOT NULL                                            AS insured,
       -- compulsory dropout: aged 6–16, primary or junior, dropped out
       coalesce(p.age BETWEEN 6 AND 16 AND e.stage IN ('primary', 'junior') AND e.status = 'dropped_out', false)
                                                                          AS compulsory_dropout,
       -- out of school: aged 7–15 with no education row at all
       p.age BETWEEN 7 AND 15 AND e.person_id IS NULL                     AS out_of_school,
       coalesce(e.status = 'enrolled', false)                             AS student,
       coalesce(m.status = 'employed', false)                             AS employed,
       coalesce(m.status = 'employed' AND m.location IN ('county', 'province', 'outside_province')
                AND m.months >= migrant_months(), false)                  AS migrant,
       coalesce(m.welfare_job, false)                                     AS welfare_job,
       a.person_id IS NOT NULL                                            AS recipient,
       -- relocated labour: covered, relocated, full or weak, aged 16–64, not a student
       h.category IN ('poverty_alleviated', 'monitored') AND h.relocated AND p.labor_capacity IN ('full', 'weak')
           AND p.age BETWEEN 16 AND 64 AND NOT coalesce(e.status = 'enrolled', false)
                                                                          AS relocated_labour
FROM (SELECT *, age_at(person_id, ref_date()) AS age, age_in_days(person_id, ref_date()) AS age_days
      FROM members) AS p
JOIN households AS h USING (household_id)
LEFT JOIN insured_persons AS i USING (person_id)
LEFT JOIN education AS e USING (person_id)
LEFT JOIN employment AS m USING (person_id)
LEFT JOIN assistance_recipients AS a USING (person_id);

-- Per household: counts over its members and the member conditions the
-- household definitions need.
CREATE OR REPLACE TEMP VIEW household_members AS
SELECT household_id,
       count(*)                                                        AS members,
       count(*) FILTER (WHERE age_days >= infant_days())               AS insurable,
       count(*) FILTER (WHERE age_days >= infant_days() AND insured)   AS insurable_insured,
       count(*) FILTER (WHERE compulsory_dropout)                      AS compulsory_dropouts,
       count(*) FILTER (WHERE out_of_school)                           AS out_of_school,
       count(*) FILTER (WHERE migrant)                                 AS migrants,
       count(*) FILTER (WHERE relocated_labour)                        AS relocated_labour,
       count(*) FILTER (WHERE relocated_labour AND employed)           AS relocated_labour_employed,
       bool_or(labor_capacity = 'full')                                AS any_full,
       bool_or(labor_capacity = 'weak')                                AS any_weak,
       bool_or(employed)                                               AS any_employed,
       bool_or(welfare_job)                                            AS any_welfare_job,
       bool_or(recipient)                                              AS any_recipient,
       bool_or(compulsory_dropout OR out_of_school)                    AS any_dropout,
       bool_or(age_days >= infant_days() AND NOT insured)              AS any_uninsured
FROM member_facts
GROUP BY household_id;

-- ---------------------------------------------------------- households ----

-- Each household's states and signals (NULL-free booleans).
CREATE OR REPLACE TEMP VIEW household_states AS
SELECT h.*,
       coalesce(m.members, 0)                                     AS members,
       coalesce(m.insurable, 0)                                   AS insurable,
       coalesce(m.insurable_insured, 0)                           AS insurable_insured,
       coalesce(m.compulsory_dropouts, 0)                         AS member_dropouts,
       coalesce(m.out_of_school, 0)                               AS member_out_of_school,
       coalesce(m.migrants, 0)                                    AS member_migrants,
       coalesce(m.relocated_labour, 0)                            AS relocated_labour,
       coalesce(m.relocated_labour_employed, 0)                   AS relocated_labour_employed,
       coalesce(m.any_full, false)                                AS any_full,
       coalesce(m.any_weak, false)                                AS any_weak,
       coalesce(m.any_employed, false)                            AS any_employed,
       coalesce(m.any_welfare_job, false)                         AS any_welfare_job,
       coalesce(m.any_recipient, false)                           AS any_recipient,
       coalesce(m.any_uninsured, false)                           AS member_uninsured,
       h.category IN ('poverty_alleviated', 'monitored')          AS covered,
       h.category = 'monitored'                                   AS monitored,
       h.category = 'monitored' AND h.risk_status = 'not_eliminated' AS at_risk,
       h.category = 'monitored' AND h.risk_status = 'eliminated'  AS eliminated,
       s.household_id IS NOT NULL AND s.grade IN ('C', 'D') AND NOT s.renovated AS unsafe_housing,
       w.household_id IS NOT NULL                                 AS water_reported,
       coalesce(w.tap_water, false)                               AS tap_water,
       -- hard signals
       h.income_per_capita < line()                               AS low_income,
       coalesce(h.income_prev_year > 0
                AND h.income_per_capita <= h.income_prev_year * (1 - income_drop())
                AND h.income_per_capita < line_multiple() * line(), false) AS income_drop,
       coalesce(m.any_dropout, false)                             AS dropout,
       coalesce(NOT w.safe, false)                                AS unsafe_water
FROM households AS h
LEFT JOIN household_members AS m USING (household_id)
LEFT JOIN housing AS s USING (household_id)
LEFT JOIN water AS w USING (household_id);

CREATE OR REPLACE TEMP VIEW household_judgements AS
SELECT *,
       low_income OR income_drop OR dropout OR unsafe_housing OR unsafe_water OR any_recipient AS hard_signal,
       -- measure fits labour / is confirmed by a sector feed
       CASE WHEN any_full THEN list_contains(assistance, 'industry') OR list_contains(assistance, 'employment')
            WHEN any_weak THEN list_contains(assistance, 'welfare_job')
            ELSE list_contains(assistance, 'bottom_line') END AS measure_fits,
       CASE WHEN any_full THEN list_contains(assistance, 'industry')
                               OR (list_contains(assistance, 'employment') AND any_employed)
            WHEN any_weak THEN list_contains(assistance, 'welfare_job') AND any_welfare_job
            ELSE list_contains(assistance, 'bottom_line') AND any_recipient END AS measure_confirmed
FROM household_states;

-- Each household's contribution to every numerator (n:) and denominator (d:).
-- A table, not a view: the feeds are read and joined once, here.
CREATE OR REPLACE TEMP TABLE household_figures AS
SELECT household_id, village_code, site_code,
       members                                                             AS "n:persons",
       1                                                                   AS "n:households",
       one(covered) * members                                              AS "n:covered_persons",
       one(monitored)                                                      AS "n:monitored_households",
       one(monitored) * members                                            AS "n:monitored_persons",
       one(monitored AND monitoring_type = 'unstable')                     AS "n:monitored_by_type.unstable",
       one(monitored AND monitoring_type = 'marginal')                     AS "n:monitored_by_type.marginal",
       one(monitored AND monitoring_type = 'sudden_hardship')              AS "n:monitored_by_type.sudden_hardship",
       one(at_risk AND list_contains(risk_types, 'illness'))               AS "n:at_risk_by_risk_type.illness",
       one(at_risk AND list_contains(risk_types, 'disability'))            AS "n:at_risk_by_risk_type.disability",
       one(at_risk AND list_contains(risk_types, 'education'))             AS "n:at_risk_by_risk_type.education",
       one(at_risk AND list_contains(risk_types, 'disaster'))              AS "n:at_risk_by_risk_type.disaster",
       one(at_risk AND list_contains(risk_types, 'accident'))              AS "n:at_risk_by_risk_type.accident",
       one(at_risk AND list_contains(risk_types, 'industry'))              AS "n:at_risk_by_risk_type.industry",
       one(at_risk AND list_contains(risk_types, 'employment'))            AS "n:at_risk_by_risk_type.employment",
       one(at_risk AND list_contains(risk_types, 'labour_shortage'))       AS "n:at_risk_by_risk_type.labour_shortage",
       one(at_risk AND list_contains(risk_types, 'other'))                 AS "n:at_risk_by_risk_type.other",
       one(monitored AND inclusion_date BETWEEN year_start() AND ref_date()) AS "n:new_inclusions",
       one(eliminated AND elimination_date BETWEEN year_start() AND ref_date()) AS "n:new_eliminations",
       one(eliminated) * members                                           AS "n:risk_elimination_rate",
       one(monitored) * members                                            AS "d:risk_elimination_rate",
       -- clues of this year whose window has closed: included (on or after the
       -- clue), or still pending more than 15 days after it
       one(clue_date BETWEEN year_start() AND ref_date()
           AND clue_outcome = 'included' AND inclusion_date >= clue_date
           AND inclusion_date - clue_date <= clue_days())                  AS "n:inclusion_within_15d_rate",
       one(clue_date BETWEEN year_start() AND ref_date()
           AND ((clue_outcome = 'included' AND inclusion_date >= clue_date)
                OR (clue_outcome = 'pending' AND ref_date() - clue_date > clue_days()))) AS "d:inclusion_within_15d_rate",
       one(clue_outcome = 'pending' AND ref_date() - clue_date > clue_days()) AS "n:overdue_clues",
       one(covered) * insurable_insured                                    AS "n:insurance_rate",
       one(covered) * insurable                                            AS "d:insurance_rate",
       one(covered) * member_dropouts                                      AS "n:compulsory_dropouts",
       one(covered) * member_out_of_school                                 AS "n:out_of_school_children",
       one(covered AND unsafe_housing)                                     AS "n:unsafe_housing_households",
       one(tap_water) * members                                            AS "n:tap_water_rate",
       one(water_reported) * members                                       AS "d:tap_water_rate",
       one(NOT water_reported)                                             AS "n:water_unreported_households",
       one(covered) * member_migrants                                      AS "n:migrant_workers",
       relocated_labour_employed                                           AS "n:relocation_employment_rate",
       relocated_labour                                                    AS "d:relocation_employment_rate",
       relocated_labour_employed                                           AS "n:employed_per_relocated_household",
       one(relocated_labour > 0)                                           AS "d:employed_per_relocated_household",
       one(relocated_labour > 0 AND relocated_labour_employed = 0)         AS "n:zero_employment_households",
       one(NOT monitored AND (hard_signal OR member_uninsured))            AS "n:suspected_omissions",
       one(at_risk AND measure_fits)                                       AS "n:assistance_match_rate",
       one(at_risk)                                                        AS "d:assistance_match_rate",
       one(NOT monitored AND hard_signal)                                  AS "n:omission_rate",
       one(NOT monitored)                                                  AS "d:omission_rate",
       -- households − omitted − wrongly monitored, one household at a time
       1 - one(NOT monitored AND hard_signal)
         - one(at_risk AND monitoring_type <> 'sudden_hardship' AND NOT hard_signal
               AND income_per_capita >= line_multiple() * line())          AS "n:monitoring_accuracy",
       1                                                                   AS "d:monitoring_accuracy",
       one(at_risk AND measure_fits AND measure_confirmed)                 AS "n:assistance_coverage",
       one(at_risk)                                                        AS "d:assistance_coverage",
       one(eliminated AND stably_eliminated)                               AS "n:stable_elimination_rate",
       one(monitored)                                                      AS "d:stable_elimination_rate",
       one(eliminated AND NOT stably_eliminated)                           AS "n:false_eliminations"
FROM (SELECT *,
             coalesce(NOT hard_signal AND income_per_capita >= line() AND (any_full OR any_weak)
                      AND elimination_date - inclusion_date >= stable_days(), false) AS stably_eliminated
      FROM household_judgements);

-- ------------------------------------------------------------ villages ----

-- Every village of villages.csv with its sums; zeros when it has no
-- households.
CREATE OR REPLACE TEMP TABLE village_totals AS
SELECT v.village_code, coalesce(sum(COLUMNS('^[nd]:')), 0)
FROM villages AS v
LEFT JOIN household_figures AS f USING (village_code)
GROUP BY v.village_code;

-- Every resettlement site some household carries, with its households' sums.
CREATE OR REPLACE TEMP TABLE site_totals AS
SELECT site_code, sum(COLUMNS('^[nd]:'))
FROM household_figures
WHERE site_code IS NOT NULL
GROUP BY site_code;

-- ------------------------------------------------------------- roll-up ----

-- Each village's totals with the codes of the areas above it.
CREATE OR REPLACE TEMP VIEW village_rollup AS
SELECT left(v.county_code, 2) AS province_code, r.prefecture_code, v.county_code, v.township_code,
       coalesce(r.key_county, false) AS key_county, t.*
FROM village_totals AS t
JOIN villages AS v USING (village_code)
LEFT JOIN regions AS r USING (county_code);

-- Higher levels sum the villages' totals (numerators and denominators alike);
-- the key_counties group sums its counties' villages.
CREATE OR REPLACE TEMP TABLE area_totals AS
SELECT 'province' AS level, province_code AS code, sum(COLUMNS('^[nd]:'))
FROM village_rollup GROUP BY province_code
UNION ALL BY NAME
SELECT 'group' AS level, 'key_counties' AS code, sum(COLUMNS('^[nd]:'))
FROM village_rollup WHERE key_county
UNION ALL BY NAME
SELECT 'prefecture' AS level, prefecture_code AS code, sum(COLUMNS('^[nd]:'))
FROM village_rollup GROUP BY prefecture_code
UNION ALL BY NAME
SELECT 'county' AS level, county_code AS code, sum(COLUMNS('^[nd]:'))
FROM village_rollup GROUP BY county_code
UNION ALL BY NAME
SELECT 'township' AS level, township_code AS code, sum(COLUMNS('^[nd]:'))
FROM village_rollup GROUP BY township_code
UNION ALL BY NAME
SELECT 'village' AS level, village_code AS code, sum(COLUMNS('^[nd]:'))
FROM village_rollup GROUP BY village_code
UNION ALL BY NAME
SELECT 'site' AS level, site_code AS code, COLUMNS('^[nd]:')
FROM site_totals;

-- Every area that appears in the output, with its name. Counties and
-- prefectures come from regions.csv (even without villages); townships and
-- villages from villages.csv; the key_counties group always; a site when some
-- household carries its code. A township's name is that of its first village
-- by village code; a prefecture's that of its first county by county code.
CREATE OR REPLACE TEMP TABLE areas AS
SELECT 1 AS level_order, 'province' AS level, left(county_code, 2) AS code,
       coalesce(getvariable('province_name'), '贵州省') AS name
FROM regions GROUP BY left(county_code, 2)
UNION ALL
SELECT 2, 'group', 'key_counties', coalesce(getvariable('group_name'), '国家乡村振兴重点帮扶县')
UNION ALL
SELECT 3, 'prefecture', prefecture_code, arg_min(prefecture_name, county_code)
FROM regions GROUP BY prefecture_code
UNION ALL
SELECT 4, 'county', county_code, county_name FROM regions
UNION ALL
SELECT 5, 'township', township_code, arg_min(township_name, village_code)
FROM villages GROUP BY township_code
UNION ALL
SELECT 6, 'village', village_code, village_name FROM villages
UNION ALL
SELECT 7, 'site', site_code, '安置点 ' || site_code FROM site_totals;

-- Each area's numerator and denominator per indicator (from its `n:` and
-- `d:` columns).
CREATE OR REPLACE TEMP TABLE area_sums AS
SELECT level, code, substr(field, 3) AS indicator,
       max(amount) FILTER (WHERE starts_with(field, 'n:')) AS numerator,
       max(amount) FILTER (WHERE starts_with(field, 'd:')) AS denominator
FROM (UNPIVOT area_totals ON COLUMNS('^[nd]:') INTO NAME field VALUE amount)
GROUP BY ALL;

-- Each indicator's numerator and denominator for every area (zeros for an
-- area without villages or households).
CREATE OR REPLACE TEMP VIEW area_figures AS
SELECT a.level_order, a.level, a.code, a.name, c.position, c.indicator, c.is_ratio, c.decimals,
       CAST(coalesce(s.numerator, 0) AS BIGINT) AS numerator,
       CAST(coalesce(s.denominator, 0) AS BIGINT) AS denominator
FROM areas AS a
CROSS JOIN catalogue AS c
LEFT JOIN area_sums AS s ON s.level = a.level AND s.code = a.code AND s.indicator = c.indicator;

-- -------------------------------------------------------------- output ----

-- The long output: every (level, code, indicator); counts have an empty
-- denominator and their count as value; ratios divide once, at the end.
-- Empty fields are NULL (written as empty CSV fields).
CREATE OR REPLACE TEMP VIEW indicators_long AS
SELECT level,
       code,
       name,
       indicator,
       CAST(numerator AS VARCHAR) AS numerator,
       CASE WHEN is_ratio THEN CAST(denominator AS VARCHAR) END AS denominator,
       CASE WHEN is_ratio THEN ratio_text(numerator, denominator, decimals)
            ELSE CAST(numerator AS VARCHAR)
       END AS value
FROM area_figures
ORDER BY level_order, code, position;

-- The result (bench/duckdb_reference.py replaces this last statement with a
-- COPY of the same view to the output CSV).
SELECT * FROM indicators_long;
