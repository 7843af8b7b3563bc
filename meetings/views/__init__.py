"""Meeting views, one module per screen family (pages, editing, agenda, attendance, minutes)."""
