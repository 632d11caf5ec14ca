import { render, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import '../../i18n/index.ts';
import { Diagram, Node } from './diagram.tsx';

test('a cycle is a figure named by its title; the drawing is hidden and the nodes are an ordered list after a sentence saying it cycles', () => {
  const { container } = render(
    <Diagram kind="cycle" title="PDCA循环" center="PDCA">
      <Node label="计划" note="Plan" />
      <Node label="执行" note="Do" />
      <Node label="检查" note="Check" />
      <Node label="处理" note="Act" />
    </Diagram>,
  );
  const figure = screen.getByRole('figure', { name: 'PDCA循环' });
  expect(container.querySelector('.blocks-diagram-art')).toHaveAttribute('aria-hidden', 'true');
  expect(container.querySelectorAll('svg')).toHaveLength(2);
  expect(within(figure).getByText(/^循环图，共 4 个环节/)).toBeInTheDocument();
  expect(within(figure).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['计划（Plan）', '执行（Do）', '检查（Check）', '处理（Act）']);
  // the drawing holds the same labels, and the centre
  const wide = container.querySelector('.blocks-diagram-wide')!;
  expect([...wide.querySelectorAll('.blocks-diagram-label')].map((t) => t.textContent)).toEqual(['计划', '执行', '检查', '处理', 'PDCA']);
  expect(wide.querySelectorAll('path.blocks-diagram-link')).toHaveLength(4);
});

test('nodes with explanations make the list a visible legend', () => {
  const { container } = render(
    <Diagram kind="pyramid" title="合规管理组织架构">
      <Node label="高层管理" note="最终责任主体">确立合规战略、提供资源支持。</Node>
      <Node label="合规部门" note="第二道防线">制定合规政策、提供合规咨询。</Node>
    </Diagram>,
  );
  expect(container.querySelector('.blocks-diagram-text')).not.toHaveClass('visually-hidden');
  expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    '高层管理（最终责任主体）：确立合规战略、提供资源支持。',
    '合规部门（第二道防线）：制定合规政策、提供合规咨询。',
  ]);
  expect(screen.getByText(/^层级图，自上而下共 2 层/)).toBeInTheDocument();
});

test('without explanations the list is there for screen readers only; a hub names its centre', () => {
  const { container } = render(
    <Diagram kind="hub" title="合规管理信息系统" center="信息系统">
      <Node label="合规风险监测平台" />
      <Node label="合规培训学习系统" />
      <Node label="合规检查与评估工具" />
    </Diagram>,
  );
  expect(container.querySelector('.blocks-diagram-text')).toHaveClass('visually-hidden');
  expect(screen.getByText('结构图，以「信息系统」为中心，连接 3 个部分：')).toBeInTheDocument();
  expect(screen.getByRole('list').tagName).toBe('UL');
});

test('a node written on one line reaches the diagram inside a paragraph and is still drawn', () => {
  render(
    <Diagram kind="flow" title="流程">
      <p><Node label="识别">发现风险。</Node><Node label="评估">判断等级。</Node></p>
    </Diagram>,
  );
  expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['识别：发现风险。', '评估：判断等级。']);
});
