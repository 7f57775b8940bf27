"""Small widgets the screens are built from, each with its own reactive state and CSS."""
