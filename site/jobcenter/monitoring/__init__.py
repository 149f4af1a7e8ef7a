"""What the people who run the site read: the Prometheus metrics endpoint."""
