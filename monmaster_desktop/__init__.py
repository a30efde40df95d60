"""Mon Master Desk: the registrar office's desk for Mon Master applications and enrolment."""

__version__ = "0.1.0"
