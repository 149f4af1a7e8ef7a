"""The event calendar: series and their dates. Loading it tells signups what an event date's seat
pool is for (signups knows pools, not events: see signups/targets.py)."""

from jobcenter.events.service import occurrence_pools_starting_on, occurrence_targets
from jobcenter.signups.targets import describes_pools

describes_pools(occurrence_targets, occurrence_pools_starting_on)
