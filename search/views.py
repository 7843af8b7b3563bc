from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from . import selectors


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)


class SearchView(TemplateView):
    """Everything the user may see that holds the typed words, grouped by kind."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None)
        text = form.cleaned_data["q"].replace("\x00", "") if form.is_valid() else ""
        groups = selectors.search(user=self.request.user, text=text) if text.strip() else []
        return super().get_context_data(form=form, text=text, groups=groups, **kwargs)
