import { Routes } from '@angular/router';

import { JcmPublicFrameComponent } from '../../components/public-frame/public-frame.component';
import { JcmCalculatorIndexPageComponent } from './calculator-index/calculator-index-page.component';
import { JcmCalculatorPageComponent } from './calculator-page/calculator-page.component';
import { calculatorDefinition } from './calculator-registry';

/** The calculator pages themselves: the index, then one page per calculator. */
export const calculatorPages: Routes = [
  { component: JcmCalculatorIndexPageComponent, path: '', title: 'calc.indexTitle' },
  {
    canMatch: [(_route, segments) => calculatorDefinition(segments[0]?.path ?? '') !== undefined],
    component: JcmCalculatorPageComponent,
    path: ':name',
    title: 'calc.indexTitle',
  },
  { path: '**', redirectTo: '' },
];

/** Public calculators area (no sign-in), lazy-loaded at `/calculators`, in the public frame. */
export const routes: Routes = [{ children: calculatorPages, component: JcmPublicFrameComponent, path: '' }];
