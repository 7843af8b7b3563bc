"""The private storage, under the name attendance's migrations use for it."""

from pilkada_portal.storage import PrivateStorage, private_storage

__all__ = ["PrivateStorage", "private_storage"]
