"""Shared by the reference tests: the catalogue's order, the levels, and loading sibling scripts as modules."""
import importlib.util
import os

BENCH = os.path.dirname(os.path.abspath(__file__))
LEVELS = ["province", "group", "prefecture", "county", "township", "village", "site"]
MONITORING_TYPES = ["unstable", "marginal", "sudden_hardship"]
RISK_TYPES = ["illness", "disability", "education", "disaster", "accident", "industry", "employment",
              "labour_shortage", "other"]
CATALOGUE = (["persons", "households", "covered_persons", "monitored_households", "monitored_persons"]
             + ["monitored_by_type." + t for t in MONITORING_TYPES]
             + ["at_risk_by_risk_type." + t for t in RISK_TYPES]
             + ["new_inclusions", "new_eliminations", "risk_elimination_rate", "inclusion_within_15d_rate",
                "overdue_clues", "insurance_rate", "compulsory_dropouts", "out_of_school_children",
                "unsafe_housing_households", "tap_water_rate", "water_unreported_households", "migrant_workers",
                "relocation_employment_rate", "employed_per_relocated_household", "zero_employment_households",
                "suspected_omissions", "assistance_match_rate", "omission_rate", "monitoring_accuracy",
                "assistance_coverage", "stable_elimination_rate", "false_eliminations"])
RATIOS = {"risk_elimination_rate", "inclusion_within_15d_rate", "insurance_rate", "tap_water_rate",
          "relocation_employment_rate", "employed_per_relocated_household", "assistance_match_rate", "omission_rate",
          "monitoring_accuracy", "assistance_coverage", "stable_elimination_rate"}
COUNTS = set(CATALOGUE) - RATIOS
FEEDS = ["regions", "villages", "households", "persons", "education", "medical_insurance", "housing", "water",
         "employment", "social_assistance"]

# The hand-worked fixture of catalogue v2, which the Swift engine's FixtureTests read too.
FIXTURE = os.path.join(BENCH, "..", "Tests", "EngineTests", "Fixtures", "edge_cases")


def decimals_of(indicator):
    return 2 if indicator == "employed_per_relocated_household" else 4


def check_character(first17):
    """ISO 7064 MOD 11-2 check character of a resident ID's first 17 digits."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def load(name, relative_path):
    """The script at `relative_path` (under bench/) imported as module `name`."""
    spec = importlib.util.spec_from_file_location(name, os.path.join(BENCH, relative_path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
