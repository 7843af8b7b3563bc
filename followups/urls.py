from django.urls import path

from . import views

app_name = "followups"

urlpatterns = [
    path("", views.RegisterView.as_view(), name="register"),
    path("unduh.<str:fmt>", views.RegisterExportView.as_view(), name="export"),
    path("<int:pk>/", views.FollowUpDetailView.as_view(), name="detail"),
    path(
        "rapat/<int:meeting_pk>/<int:pk>/status/",
        views.ReviewView.as_view(),
        name="review",
    ),
    path(
        "rapat/<int:meeting_pk>/acara/",
        views.StandingItemView.as_view(),
        name="standing_item",
    ),
]
