"""Content: loading, checking, rendering and the words themselves."""
