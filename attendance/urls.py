from django.urls import path

from . import share, views

app_name = "attendance"

urlpatterns = [
    path("meetings/<int:pk>/people/", views.PeopleView.as_view(), name="people"),
    path(
        "meetings/<int:pk>/people/invitation/<int:participation>/",
        views.InvitationStatusView.as_view(),
        name="invitation_status",
    ),
    path(
        "meetings/<int:pk>/people/<int:attendee>/edit/",
        views.AttendeeUpdateView.as_view(),
        name="attendee_update",
    ),
    path(
        "meetings/<int:pk>/people/<int:attendee>/remove/",
        views.AttendeeRemoveView.as_view(),
        name="attendee_remove",
    ),
    path(
        "meetings/<int:pk>/people/<int:attendee>/signature.png",
        views.SignatureView.as_view(),
        name="signature",
    ),
    path(
        "meetings/<int:pk>/people/unduh.<str:fmt>",
        views.AttendanceExportView.as_view(),
        name="export",
    ),
    path("meetings/<int:pk>/check-in/", views.DeskView.as_view(), name="desk"),
    path("meetings/<int:pk>/check-in/qr/", views.DeskQrView.as_view(), name="desk_qr"),
    path("meetings/<int:pk>/check-in/arrivals/", views.ArrivalsView.as_view(), name="arrivals"),
    path("meetings/<int:pk>/share/", share.AgendaShareView.as_view(), name="agenda_share"),
    # Public: the agenda by share link, and its calendar file.
    path("agenda/<str:token>/", share.AgendaPublicView.as_view(), name="agenda"),
    path("agenda/<str:token>/rapat.ics", share.AgendaCalendarView.as_view(), name="agenda_ics"),
    # Public: the attendee's phone, from the QR code at the door.
    path("hadir/", views.SelfCheckInView.as_view(), name="checkin_submit"),
    path("hadir/<str:token>/", views.SelfCheckInView.as_view(), name="checkin"),
]
