import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatMeetingDate } from '../dates.ts'
import type { OrganisationCounts } from './counts.ts'
import { formatDue } from './due.ts'
import type { MeetingTrend } from './trend.ts'

// Colours of styles.css, where the text on each keeps 4.5:1; the legend and the tables say in
// words what each colour means, so nothing depends on telling them apart.
const COLOURS = { open: '#1f5fa8', overdue: '#b3261e', done: '#137333', raised: '#525c6b' }
const HEIGHT = 260

/**
 * The charts, loaded on their own (recharts is most of this page's weight). Each is an image
 * with a name and a description pointing at the table that holds the same numbers.
 */
export function TrackerCharts({
  counts,
  trend,
}: {
  counts: readonly OrganisationCounts[]
  trend: readonly MeetingTrend[]
}) {
  return (
    <div className="tracker-charts">
      <figure className="tracker-chart">
        <figcaption>Actions per organisation</figcaption>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart
            data={[...counts]}
            role="img"
            title="Actions per organisation: open, overdue and done"
            desc="A stacked bar per organisation. The table “Actions per organisation” holds the same counts."
            accessibilityLayer={false}
            margin={{ top: 8, right: 8, bottom: 8, left: -16 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="shortName" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend itemSorter={null} />
            <Bar dataKey="open" name="Open" stackId="a" fill={COLOURS.open} />
            <Bar dataKey="overdue" name="Overdue" stackId="a" fill={COLOURS.overdue} />
            <Bar dataKey="done" name="Done" stackId="a" fill={COLOURS.done} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="tracker-chart">
        <figcaption>Actions raised per meeting, and how many of them are done</figcaption>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart
            data={trend.map((meeting) => ({ ...meeting, label: formatDue(meeting.date) }))}
            role="img"
            title="Actions raised per meeting and how many are done"
            desc="A pair of bars per meeting, oldest first. The table below the chart holds the same numbers."
            accessibilityLayer={false}
            margin={{ top: 8, right: 8, bottom: 8, left: -16 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" interval={0} />
            <YAxis allowDecimals={false} />
            <Tooltip
              labelFormatter={(label, payload) => {
                const meeting = payload[0]?.payload as MeetingTrend | undefined
                return meeting ? `${meeting.title} (${label})` : label
              }}
            />
            <Legend itemSorter={null} />
            <Bar dataKey="raised" name="Raised" fill={COLOURS.raised} />
            <Bar dataKey="done" name="Done" fill={COLOURS.done} />
          </BarChart>
        </ResponsiveContainer>
        <TrendTable trend={trend} />
      </figure>
    </div>
  )
}

function TrendTable({ trend }: { trend: readonly MeetingTrend[] }) {
  return (
    <details className="tracker-chart__figures">
      <summary>The numbers per meeting</summary>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Meeting</th>
            <th scope="col">Raised</th>
            <th scope="col">Done</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((meeting) => (
            <tr key={meeting.meetingId}>
              <th scope="row">
                {meeting.title} <span className="muted">({formatMeetingDate(meeting.date)})</span>
              </th>
              <td>{meeting.raised}</td>
              <td>{meeting.done}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
