from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import UserPassesTestMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from pilkada_portal.views import ServiceFormMixin

from . import services
from .models import Profile
from .user_forms import UserForm


class AdministratorOnlyMixin(UserPassesTestMixin):
    """Accounts and roles are managed by administrators only."""

    def test_func(self):
        return self.request.user.is_superuser


class UserListView(AdministratorOnlyMixin, TemplateView):
    """Every account with its role and institution."""

    template_name = "accounts/user_list.html"

    def get_context_data(self, **kwargs):
        users = (
            get_user_model()
            .objects.order_by("username")
            .prefetch_related("groups")
            .select_related("profile__agency")
        )
        return super().get_context_data(users=users, **kwargs)


class UserFormMixin(AdministratorOnlyMixin, ServiceFormMixin, FormView):
    template_name = "accounts/user_form.html"
    form_class = UserForm
    account = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.account}

    def perform(self, form):
        return services.user_save(user=self.account, **form.cleaned_data)

    def get_success_url(self):
        return reverse("accounts:user_list")

    def get_context_data(self, **kwargs):
        return super().get_context_data(account=self.account, **kwargs)


class UserCreateView(UserFormMixin):
    success_message = _("The account was created.")


class UserUpdateView(UserFormMixin):
    success_message = _("The account was saved.")

    def dispatch(self, request, *args, **kwargs):
        self.account = get_object_or_404(get_user_model(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        can_mail = bool(settings.EMAIL_HOST and self.account.email)
        return super().get_context_data(can_send_reset=can_mail, **kwargs)

    def get_initial(self):
        profile = Profile.objects.filter(user=self.account).first()
        group = self.account.groups.first()
        return {
            "username": self.account.username,
            "first_name": self.account.first_name,
            "last_name": self.account.last_name,
            "email": self.account.email,
            "role": group.name if group else "",
            "agency": profile.agency if profile else None,
            "official": profile.official if profile else None,
            "approves_minutes": profile.approves_minutes if profile else False,
            "is_active": self.account.is_active,
        }


class PasswordResetSendView(AdministratorOnlyMixin, View):
    """The administrator e-mails an account its password reset link."""

    def post(self, request, *args, **kwargs):
        account = get_object_or_404(get_user_model(), pk=kwargs["pk"])
        if services.password_reset_send(user=account, request=request):
            messages.success(
                request,
                _("A link to set the password was sent to %(email)s.") % {"email": account.email},
            )
        else:
            messages.error(
                request,
                _("No e-mail can be sent: set a temporary password and tell it to the person."),
            )
        return redirect("accounts:user_update", pk=account.pk)
