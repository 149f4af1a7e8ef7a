"""The catalog: programs and their cohorts. Loading it tells signups what a cohort's seat pool is
for, and how its people attend (signups knows pools, not programs: see signups/targets.py)."""

from jobcenter.catalog.attendance import progress_of
from jobcenter.catalog.cohorts import cohort_pools_starting_on, cohort_targets
from jobcenter.signups.targets import counts_attendance, describes_pools

describes_pools(cohort_targets, cohort_pools_starting_on)
counts_attendance(progress_of)
