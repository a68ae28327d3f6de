"""Usage statistics: the recorder, its database and the report."""
