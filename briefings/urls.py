from django.urls import path

from . import views

# Included under meetings/<int:meeting_pk>/briefings/: every briefing URL names its meeting.
app_name = "briefings"

urlpatterns = [
    path("new/", views.BriefingCreateView.as_view(), name="create"),
    path("<int:pk>/", views.BriefingDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.BriefingUpdateView.as_view(), name="update"),
    path("<int:pk>/delete/", views.BriefingDeleteView.as_view(), name="delete"),
]
