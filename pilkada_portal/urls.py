from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from accounts.forms import LoginForm, PortalPasswordChangeForm, PortalSetPasswordForm
from meetings.views.home import HomeView
from pilkada_portal.views import healthz, readyz

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Everyone changes their own password; a reset link (sent by an administrator when
    # e-mail is configured) opens without a session.
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(form_class=PortalPasswordChangeForm),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        login_not_required(
            auth_views.PasswordResetConfirmView.as_view(form_class=PortalSetPasswordForm)
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        login_not_required(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
    # Visitors choose the language on the login page too, before they have signed in.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("users/", include("accounts.urls")),
    path("meetings/<int:meeting_pk>/briefings/", include("briefings.urls")),
    path("", include("documents.urls")),
    path("", include("minutes.urls")),
    path("", include("attendance.urls")),
    path("meetings/", include("meetings.urls")),
    path("agencies/", include("agencies.urls")),
    path("tindak-lanjut/", include("followups.urls")),
    path("kesiapan/", include("readiness.urls")),
    path("lampiran/", include("briefings.attachment_urls")),
    path("cari/", include("search.urls")),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
