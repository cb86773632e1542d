"""yusuan (预算): read, check and turn into data Chinese government budget and final-account disclosures."""

__version__ = "0.1.0"
