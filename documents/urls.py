"""The documents of a meeting under /meetings/<pk>/documents/ (the paths the meeting page has
always linked), and those published on the agenda's share link."""

from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("meetings/<int:pk>/documents/logo/", views.DocumentLogoView.as_view(), name="logo"),
    path(
        "meetings/<int:pk>/documents/<slug:kind>/",
        views.DocumentPreviewView.as_view(),
        name="preview",
    ),
    path(
        "meetings/<int:pk>/documents/<slug:kind>/pdf/",
        views.DocumentPdfView.as_view(),
        name="pdf",
    ),
    path(
        "meetings/<int:pk>/documents/<slug:kind>/docx/",
        views.DocumentDocxView.as_view(),
        name="docx",
    ),
    path(
        "kesiapan/pemilihan/<int:pk>/pdf/",
        views.ReadinessPdfView.as_view(),
        name="readiness_pdf",
    ),
    # Public, by the agenda's share link.
    path(
        "agenda/<str:token>/documents/<slug:kind>/pdf/",
        views.SharedDocumentPdfView.as_view(),
        name="shared_pdf",
    ),
]
