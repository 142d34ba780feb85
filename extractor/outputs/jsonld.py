"""Records as schema.org ``EducationEvent`` objects in JSON-LD, for web pages and search engines.

Only what the record knows is said: a field that is null in the record is left out, never
emitted as an empty value, since a consumer reads an empty ``name`` as a claim. The subset
emitted is described by ``schemas/jsonld.schema.json``.
"""
from __future__ import annotations

from typing import Any

import regex

from ..deferred import deferred
from ..record import dated

SCHEMA_ORG = "https://schema.org"

# iCalendar STATUS to schema.org EventStatusType. TENTATIVE has no schema.org counterpart; it
# is still on the calendar, so it reads as scheduled.
EVENT_STATUS = {
    "CONFIRMED": "https://schema.org/EventScheduled",
    "TENTATIVE": "https://schema.org/EventScheduled",
    "CANCELLED": "https://schema.org/EventCancelled",
}
_ONLINE_WORDS = deferred(r"\b(?:zoom|online|virtual(?:ly)?|remote(?:ly)?|webinar|live ?stream|"
                         r"(?:ms |microsoft )?teams|webex|google meet|jitsi)\b", regex.I)
ATTENDANCE_MODE = {
    (True, False): "https://schema.org/OfflineEventAttendanceMode",
    (False, True): "https://schema.org/OnlineEventAttendanceMode",
    (True, True): "https://schema.org/MixedEventAttendanceMode",
}


def to_jsonld(record: dict[str, Any]) -> dict[str, Any]:
    """Return the schema.org ``EducationEvent`` of a talk record (not of an error record).

    >>> event = to_jsonld({"uid": None, "title": "On sums", "abstract": None, "start": "12:00:00",
    ...     "end": None, "speakers": [{"name": "Ada Example", "affiliation": None}],
    ...     "contact": {"name": None, "email": None, "phone": None}, "sponsors": [],
    ...     "price": None, "series": None, "location": "Room 12", "online_url": None,
    ...     "status": "CANCELLED", "url": None})
    >>> event["name"], event["location"], event["eventStatus"], "startDate" in event
    ('On sums', {'@type': 'Place', 'name': 'Room 12'}, 'https://schema.org/EventCancelled', False)
    """
    event: dict[str, Any] = {"@context": SCHEMA_ORG, "@type": "EducationEvent"}
    _put(event, "identifier", record.get("uid"))
    _put(event, "name", record.get("title"))
    _put(event, "description", record.get("abstract"))
    # A time of day without a date is not a schema.org Date or DateTime.
    _put(event, "startDate", dated(record.get("start")))
    _put(event, "endDate", dated(record.get("end")))
    places = _locations(record)
    if places:
        event["location"] = places[0] if len(places) == 1 else places
        event["eventAttendanceMode"] = ATTENDANCE_MODE[(
            any(p["@type"] == "Place" for p in places),
            any(p["@type"] == "VirtualLocation" for p in places))]
    if record.get("speakers"):
        event["performer"] = [_person(s) for s in record["speakers"]]
    _put(event, "organizer", _organizer(record.get("contact") or {}))
    if record.get("sponsors"):
        event["sponsor"] = [_organization(s["name"], s.get("url")) for s in record["sponsors"]]
    _price(event, record.get("price"))
    _put(event, "eventStatus", EVENT_STATUS.get(record.get("status") or ""))
    if record.get("series"):
        event["superEvent"] = {"@type": "EventSeries", "name": record["series"]}
    _put(event, "url", record.get("url"))
    return event


def _put(event: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        event[key] = value


def _locations(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The Place and/or VirtualLocation of a talk.

    >>> _locations({"location": "Online via Zoom", "online_url": None})
    [{'@type': 'VirtualLocation', 'name': 'Online via Zoom'}]
    >>> [p["@type"] for p in _locations({"location": "Wells Hall B117 and on Zoom",
    ...                                  "online_url": "https://zoom.us/j/1"})]
    ['Place', 'VirtualLocation']
    """
    online = record.get("online_url")
    location = record.get("location")
    if location and location.lower().startswith(("http:", "https:")):
        # A LOCATION that is only the meeting link is the virtual place, not a room.
        online, location = online or location, None
    says_online = bool(location and _ONLINE_WORDS.search(location))
    places: list[dict[str, Any]] = []
    if location and _names_a_room(location):
        places.append({"@type": "Place", "name": location})
    if online:
        places.append({"@type": "VirtualLocation", "url": online})
    elif says_online and location:
        places.append({"@type": "VirtualLocation", "name": location})
    return places


def _names_a_room(location: str) -> bool:
    """Whether anything is left of a location once online words and fillers are taken out.

    >>> _names_a_room("Zoom"), _names_a_room("Virtual (Zoom webinar)"), _names_a_room("Room 12")
    (False, False, True)
    """
    rest = _ONLINE_WORDS.sub(" ", location)
    return bool(regex.sub(r"\b(?:via|on|over|and|or|the|only|meeting|link|platform)\b|[\W_]",
                          "", rest, flags=regex.I))


def _person(speaker: dict[str, Any]) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": speaker["name"]}
    if speaker.get("affiliation"):
        person["affiliation"] = _organization(speaker["affiliation"], None)
    return person


def _organization(name: str, url: str | None) -> dict[str, Any]:
    organization = {"@type": "Organization", "name": name}
    if url:
        organization["url"] = url
    return organization


def _organizer(contact: dict[str, Any]) -> dict[str, Any] | None:
    """The announcement's contact person stands for the organizer: it is who answers for it."""
    person = {"@type": "Person"}
    for ours, theirs in (("name", "name"), ("email", "email"), ("phone", "telephone")):
        if contact.get(ours):
            person[theirs] = contact[ours]
    return person if len(person) > 1 else None


def _price(event: dict[str, Any], price: dict[str, Any] | None) -> None:
    if not price:
        return
    if price.get("is_free") is not None:
        event["isAccessibleForFree"] = price["is_free"]
    offer: dict[str, Any] = {"@type": "Offer", "description": price["text"]}
    if price.get("amount") is not None:
        offer["price"] = price["amount"]
    elif price.get("is_free"):
        offer["price"] = "0"
    _put(offer, "priceCurrency", price.get("currency"))
    if "price" in offer:
        event["offers"] = offer
