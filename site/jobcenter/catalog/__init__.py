"""The catalog: programs and their cohorts. Loading it tells signups what a cohort's seat pool is
for (signups knows pools, not programs: see signups/targets.py)."""

from jobcenter.catalog.cohorts import cohort_pools_starting_on, cohort_targets
from jobcenter.signups.targets import describes_pools

describes_pools(cohort_targets, cohort_pools_starting_on)
