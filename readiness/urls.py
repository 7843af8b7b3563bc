from django.urls import path

from . import views

app_name = "readiness"

urlpatterns = [
    path("pemilihan/<int:pk>/", views.DashboardView.as_view(), name="dashboard"),
    path(
        "pemilihan/<int:pk>/indikator.<str:fmt>",
        views.ElectionIndicatorExportView.as_view(),
        name="election_export",
    ),
    path(
        "rapat/<int:pk>/indikator.<str:fmt>",
        views.MeetingIndicatorExportView.as_view(),
        name="meeting_export",
    ),
]
