"""The minutes workflow of a meeting, its stored revisions, and the public verification."""

from django.urls import path

from . import views

app_name = "minutes"

urlpatterns = [
    path(
        "meetings/<int:pk>/minutes/<slug:action>/",
        views.MinutesActionView.as_view(),
        name="action",
    ),
    path(
        "meetings/<int:pk>/revisions/<int:number>/pdf/",
        views.RevisionPdfView.as_view(),
        name="revision_pdf",
    ),
    # Public: anyone may check a final document's code or file.
    path("verifikasi/", views.VerifyLookupView.as_view(), name="verify"),
    path("verifikasi/<str:code>/", views.VerifyDetailView.as_view(), name="verify_detail"),
]
