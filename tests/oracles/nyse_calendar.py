#!/usr/bin/python3
"""Independent oracle for the NYSE trading calendar (SigmaSight Batch).

Written independently of src/SigmaSight.Analytics/Calendar: the regular holidays come from
pandas.tseries.holiday rules, the unscheduled closures from a hand-kept list.

Import:   from nyse_calendar import trading_days
          trading_days(date(2001, 1, 1), date(2001, 12, 31), extra_closures=()) -> list[date]
Script:   /usr/bin/python3 tests/oracles/nyse_calendar.py --out FILE --from 2001-01-01 --to 2035-12-31
          (one ISO date per line, ascending)
Supported range: 1990 onwards.
"""
import argparse
from datetime import date, datetime, timedelta

from pandas.tseries.holiday import (
    AbstractHolidayCalendar,
    GoodFriday,
    Holiday,
    USLaborDay,
    USMartinLutherKingJr,
    USMemorialDay,
    USPresidentsDay,
    USThanksgivingDay,
    nearest_workday,
    sunday_to_monday,
)

# NYSE first closed for Martin Luther King Jr. Day in 1998 (pandas' rule starts in 1986).
NyseMartinLutherKingJr = Holiday(
    "Martin Luther King Jr. Day",
    month=USMartinLutherKingJr.month,
    day=USMartinLutherKingJr.day,
    offset=USMartinLutherKingJr.offset,
    start_date=datetime(1998, 1, 1),
)

# Sunday -> Monday; a Saturday New Year's Day is NOT moved to Friday Dec 31 (NYSE Rule 7.2),
# so sunday_to_monday leaves it on the Saturday, where it closes nothing.
NyseNewYearsDay = Holiday("New Year's Day", month=1, day=1, observance=sunday_to_monday)
NyseJuneteenth = Holiday(
    "Juneteenth National Independence Day",
    month=6,
    day=19,
    start_date=datetime(2022, 1, 1),
    observance=nearest_workday,
)
NyseIndependenceDay = Holiday("Independence Day", month=7, day=4, observance=nearest_workday)
NyseChristmas = Holiday("Christmas Day", month=12, day=25, observance=nearest_workday)


class NyseHolidayCalendar(AbstractHolidayCalendar):
    rules = [
        NyseNewYearsDay,
        NyseMartinLutherKingJr,
        USPresidentsDay,
        GoodFriday,
        USMemorialDay,
        NyseJuneteenth,
        NyseIndependenceDay,
        USLaborDay,
        USThanksgivingDay,
        NyseChristmas,
    ]


# Unscheduled full-day closures since 1990.
SPECIAL_CLOSURES = {
    date(1994, 4, 27): "Nixon funeral",
    date(2001, 9, 11): "September 11",
    date(2001, 9, 12): "September 11",
    date(2001, 9, 13): "September 11",
    date(2001, 9, 14): "September 11",
    date(2004, 6, 11): "Reagan funeral",
    date(2007, 1, 2): "Ford mourning",
    date(2012, 10, 29): "Hurricane Sandy",
    date(2012, 10, 30): "Hurricane Sandy",
    date(2018, 12, 5): "G.H.W. Bush mourning",
    date(2025, 1, 9): "Carter mourning",
}


def holidays(start: date, end: date) -> set[date]:
    """Regular NYSE holidays (observed dates) in [start, end]."""
    idx = NyseHolidayCalendar().holidays(start=start, end=end)
    return {ts.date() for ts in idx}


def trading_days(start: date, end: date, extra_closures=()) -> list[date]:
    """NYSE trading days in [start, end], ascending."""
    closed = holidays(start, end) | set(SPECIAL_CLOSURES) | set(extra_closures)
    out = []
    d = start
    while d <= end:
        if d.weekday() < 5 and d not in closed:
            out.append(d)
        d += timedelta(days=1)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True)
    p.add_argument("--from", dest="start", required=True, type=date.fromisoformat)
    p.add_argument("--to", dest="end", required=True, type=date.fromisoformat)
    a = p.parse_args()
    with open(a.out, "w", encoding="ascii", newline="\n") as f:
        for d in trading_days(a.start, a.end):
            f.write(d.isoformat() + "\n")


if __name__ == "__main__":
    main()
