// The dashboard as a person sees it: found by role and visible label. A
// chart is a canvas, so a click on a bar goes to the pixel ECharts drew it at.
export class DashboardPage {
  constructor(page) {
    this.page = page;
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await this.page.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor();
  }

  chart(title) {
    return this.page.getByRole('figure', { name: title, exact: true });
  }

  /** Waits until the chart has drawn, and returns its option as ECharts holds it. */
  async chartOption(title) {
    const canvas = this.chart(title).locator('canvas');
    await canvas.waitFor();
    return this.chart(title).evaluate((figure) => {
      const host = figure.querySelector('[role="img"]');
      return JSON.parse(JSON.stringify(window.echarts.getInstanceByDom(host).getOption()));
    });
  }

  /** Clicks the `index`-th data item of the first series of a chart. */
  async clickBar(title, index) {
    const figure = this.chart(title);
    await figure.locator('canvas').waitFor();
    await figure.scrollIntoViewIfNeeded();
    const point = await figure.evaluate((node, index) => {
      const host = node.querySelector('[role="img"]');
      const chart = window.echarts.getInstanceByDom(host);
      const series = chart.getOption().series[0];
      const item = series.data[index];
      const value = typeof item === 'object' && item !== null ? item.value : item;
      const category = chart.getOption().xAxis[0].data?.[index] ?? index;
      const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [category, value / 2]);
      const box = host.getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    }, index);
    await this.page.mouse.click(point.x, point.y);
  }

  card(title) {
    return this.page.getByRole('region', { name: 'Key figures' }).getByRole('article').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }
}
