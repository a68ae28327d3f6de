"""Reusable widgets the screens and panels are made of; they know no screen or panel."""
