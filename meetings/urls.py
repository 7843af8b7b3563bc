from django.urls import path

from .views import agenda, attendance, editing, elections, history, letter, minutes, pages

app_name = "meetings"

urlpatterns = [
    path("", pages.MeetingListView.as_view(), name="list"),
    path(
        "filter-options/<slug:field>/",
        pages.FilterOptionsView.as_view(),
        name="filter_options",
    ),
    path("new/", editing.MeetingCreateView.as_view(), name="create"),
    path("elections/", elections.ElectionListView.as_view(), name="elections"),
    path("elections/new/", elections.ElectionCreateView.as_view(), name="election_create"),
    path(
        "elections/<int:pk>/edit/",
        elections.ElectionUpdateView.as_view(),
        name="election_update",
    ),
    path("<int:pk>/", pages.MeetingDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", editing.MeetingUpdateView.as_view(), name="update"),
    path("<int:pk>/delete/", editing.MeetingDeleteView.as_view(), name="delete"),
    path("<int:pk>/duplicate/", editing.MeetingDuplicateView.as_view(), name="duplicate"),
    path("<int:pk>/history/", history.MeetingHistoryView.as_view(), name="history"),
    path("<int:pk>/letter-number/", letter.MeetingLetterNumberView.as_view(), name="letter_number"),
    # Agenda builder (htmx; plain POSTs redirect back to the meeting page).
    path("<int:meeting_pk>/agenda/", agenda.AgendaItemCreateView.as_view(), name="agenda_add"),
    path(
        "<int:meeting_pk>/agenda/<int:pk>/edit/",
        agenda.AgendaItemUpdateView.as_view(),
        name="agenda_edit",
    ),
    path(
        "<int:meeting_pk>/agenda/<int:pk>/cancel/",
        agenda.AgendaItemCancelView.as_view(),
        name="agenda_cancel",
    ),
    path(
        "<int:meeting_pk>/agenda/<int:pk>/delete/",
        agenda.AgendaItemDeleteView.as_view(),
        name="agenda_delete",
    ),
    path(
        "<int:meeting_pk>/agenda/<int:pk>/move/",
        agenda.AgendaItemMoveView.as_view(),
        name="agenda_move",
    ),
    # Invitations and attendance.
    path(
        "<int:meeting_pk>/invitations/",
        attendance.InvitationListView.as_view(),
        name="invitations",
    ),
    path(
        "<int:meeting_pk>/invitations/<int:pk>/remove/",
        attendance.InvitationRemoveView.as_view(),
        name="invitation_remove",
    ),
    path(
        "<int:meeting_pk>/invitations/<int:pk>/move/",
        attendance.InvitationMoveView.as_view(),
        name="invitation_move",
    ),
    path(
        "<int:meeting_pk>/invitations/sort/",
        attendance.InvitationSortView.as_view(),
        name="invitations_sort",
    ),
    path("<int:meeting_pk>/attendance/", attendance.AttendanceView.as_view(), name="attendance"),
    # Minutes and follow-ups.
    path("<int:meeting_pk>/minutes/", minutes.MinutesView.as_view(), name="minutes"),
    path(
        "<int:meeting_pk>/follow-ups/new/",
        minutes.FollowUpCreateView.as_view(),
        name="follow_up_create",
    ),
    path(
        "<int:meeting_pk>/follow-ups/<int:pk>/edit/",
        minutes.FollowUpUpdateView.as_view(),
        name="follow_up_update",
    ),
    path(
        "<int:meeting_pk>/follow-ups/<int:pk>/delete/",
        minutes.FollowUpDeleteView.as_view(),
        name="follow_up_delete",
    ),
]
