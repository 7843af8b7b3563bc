"""Under /meetings/<pk>/documents/ (the paths the meeting page has always linked)."""

from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("logo/", views.DocumentLogoView.as_view(), name="logo"),
    path("<slug:kind>/", views.DocumentPreviewView.as_view(), name="preview"),
    path("<slug:kind>/pdf/", views.DocumentPdfView.as_view(), name="pdf"),
]
