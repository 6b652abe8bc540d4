/*
 * Victim Safeguarding Workflow: each Tasklist filter opens sorted by due date (issue 9
 * item 2), and Tasklist's sort header says so.
 *
 * Tasklist sorts by what the URL's "sorting" parameter says and, when there is none,
 * puts "Created, descending" there; it never reads a filter's own sort order. The
 * product's filters are ordered by due date in the engine (tasklist.TasklistFilters),
 * which Tasklist's own sort only follows. So when a person opens a filter (the URL's
 * "filter" changes) this puts "Due date, ascending" in the URL; a sort the person then
 * chooses on the same filter is left alone.
 */
const DUE_DATE = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

let openFilter = null;

function sortTheOpenedFilterByDueDate() {
  const hash = window.location.hash;
  const query = hash.indexOf('?');
  if (query < 0) {
    return;
  }
  const params = new URLSearchParams(hash.substring(query + 1));
  const filter = params.get('filter');
  if (!filter || filter === openFilter) {
    return;
  }
  openFilter = filter;
  if (params.get('sorting') !== DUE_DATE) {
    params.set('sorting', DUE_DATE);
    params.delete('page');
    window.location.replace(hash.substring(0, query + 1) + params.toString());
  }
}

window.addEventListener('hashchange', sortTheOpenedFilterByDueDate);
sortTheOpenedFilterByDueDate();
