"""Pure Python model of the self-assessment: no Qt, no SQLite, standard library only."""
