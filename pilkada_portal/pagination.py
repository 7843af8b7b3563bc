"""Pages of long lists whose exact length is not worth counting."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """A Paginator that counts at most `cap` rows.

    A search that matches 25,000 meetings of a national deployment would count them all on
    every page; nobody pages that far. Beyond the cap the list says there are more
    (`capped`) and the pages end at the cap: the reader narrows the search instead.
    """

    CAP = 1000

    def __init__(self, object_list, per_page, cap: int | None = None, **kwargs):
        self.cap = cap or self.CAP
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def _counted(self) -> int:
        # One row past the cap: whether there are more comes with the count.
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @cached_property
    def capped(self) -> bool:
        """Whether there are more rows than counted."""
        return self._counted > self.cap
