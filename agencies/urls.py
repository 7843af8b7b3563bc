from django.urls import path

from . import views

app_name = "agencies"

urlpatterns = [
    path("", views.AgencyListView.as_view(), name="list"),
    path("region-options/", views.RegionOptionsView.as_view(), name="region_options"),
    path("pick/<slug:kind>/", views.PickView.as_view(), name="pick"),
    path("regions/", views.RegionListView.as_view(), name="regions"),
    path("regions/new/", views.RegionCreateView.as_view(), name="region_create"),
    path("regions/<int:pk>/edit/", views.RegionUpdateView.as_view(), name="region_update"),
    path("new/", views.AgencyCreateView.as_view(), name="create"),
    path("<int:pk>/", views.AgencyDetailView.as_view(), name="detail"),
    path("logo/<path:name>", views.AgencyLogoView.as_view(), name="logo"),
    path("<int:pk>/edit/", views.AgencyUpdateView.as_view(), name="update"),
    path("<int:pk>/delete/", views.AgencyDeleteView.as_view(), name="delete"),
    path(
        "<int:agency_pk>/officials/new/",
        views.OfficialCreateView.as_view(),
        name="official_create",
    ),
    path(
        "<int:agency_pk>/officials/<int:pk>/edit/",
        views.OfficialUpdateView.as_view(),
        name="official_update",
    ),
    path(
        "<int:agency_pk>/officials/<int:pk>/delete/",
        views.OfficialDeleteView.as_view(),
        name="official_delete",
    ),
]
