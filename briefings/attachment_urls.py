"""Briefing attachments under /lampiran/: one prefix, so that the request body limit for
uploads (20 MB) applies to these addresses only (settings.REQUEST_BODY_LIMITS)."""

from django.urls import path

from . import views

app_name = "briefing_files"

urlpatterns = [
    path("paparan/<int:briefing_pk>/", views.AttachmentUploadView.as_view(), name="upload"),
    path(
        "paparan/<int:briefing_pk>/<int:pk>/hapus/",
        views.AttachmentDeleteView.as_view(),
        name="delete",
    ),
    path("<int:pk>/unduh/", views.AttachmentDownloadView.as_view(), name="download"),
]
