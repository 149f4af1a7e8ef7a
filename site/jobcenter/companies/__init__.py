"""The local company directory (우리동네 기업지도): companies by district and industry, with the
working conditions counsellors surveyed on their visits."""
