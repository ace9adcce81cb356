"""Shared by the reference tests: the catalogue's order, the levels, and loading sibling scripts as modules."""
import importlib.util
import os

BENCH = os.path.dirname(os.path.abspath(__file__))
LEVELS = ["province", "prefecture", "county", "township", "village"]
CATALOGUE = ["persons", "households", "covered_persons", "monitored_persons", "risk_elimination_rate",
             "inclusion_within_15d_rate", "insurance_rate", "compulsory_dropouts", "unsafe_housing_households",
             "tap_water_rate", "migrant_workers", "relocation_employment_rate", "employed_per_relocated_household",
             "zero_employment_households", "suspected_omissions", "assistance_match_rate"]


def load(name, relative_path):
    """The script at `relative_path` (under bench/) imported as module `name`."""
    spec = importlib.util.spec_from_file_location(name, os.path.join(BENCH, relative_path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
