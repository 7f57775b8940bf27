"""The workout: a routine planned into timed phases, and the clocked session that runs them."""
