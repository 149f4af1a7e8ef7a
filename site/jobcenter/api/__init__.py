"""The public read-only API under /api/v1: programs, events, companies and job postings as JSON,
read through the same services as the pages, with no personal data."""
