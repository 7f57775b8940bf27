"""The screens of the TUI: each shows what the domain says and forwards keys."""
