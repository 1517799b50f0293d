import { defineMessages, msg } from './define.js';

/** Facilities: agencies, facilities, modules and cells, capacity, and applying a cell allocation. */
export const facilityMessages = defineMessages({
  'facility.agency_registered': msg(
    (p: { code: string }) => `Agency ${p.code} is already registered.`,
    (p) => `La agencia ${p.code} ya está registrada.`,
  ),
  'facility.exists': msg(
    (p: { code: string }) => `Facility ${p.code} already exists; choose another code or revise it.`,
    (p) => `El centro ${p.code} ya existe; elija otro código o revise el que existe.`,
  ),
  'facility.module_code_twice': msg(
    (p: { code: string }) => `Module code ${p.code} appears twice; give each module its own code.`,
    (p) => `El código de módulo ${p.code} aparece dos veces; dé a cada módulo su propio código.`,
  ),
  'facility.cell_code_twice': msg(
    (p: { code: string }) => `Cell code ${p.code} appears twice; cell codes are unique in a facility.`,
    (p) => `El código de celda ${p.code} aparece dos veces; los códigos de celda son únicos en un centro.`,
  ),
  'facility.capacity_below_occupancy': msg(
    (p: { facility: string; capacity: number; occupancy: number }) =>
      `The operational capacity of ${p.facility} cannot be set to ${p.capacity}, below the ${p.occupancy} people it holds now (docs/domain.md: capacity can never be set below current occupancy).`,
    (p) =>
      `La capacidad operativa de ${p.facility} no puede fijarse en ${p.capacity}, por debajo de las ${p.occupancy} personas que alberga ahora (docs/domain.md: la capacidad nunca puede fijarse por debajo de la ocupación actual).`,
  ),

  'cell.capacity_over_bunks': msg(
    (p: { cell: string; workingCapacity: number; bunks: number }) =>
      `Cell ${p.cell}: working capacity ${p.workingCapacity} cannot exceed its ${p.bunks} bunks; a cell cannot hold more people than it has beds.`,
    (p) =>
      `Celda ${p.cell}: la capacidad útil de ${p.workingCapacity} no puede superar sus ${p.bunks} literas; una celda no puede albergar a más personas que camas tiene.`,
  ),
  'cell.capacity_below_occupancy': msg(
    (p: { cell: string; workingCapacity: number; occupancy: number; local: number; transferees: number }) =>
      `Cell ${p.cell}: working capacity cannot be set to ${p.workingCapacity}, below the ${p.occupancy} people in it now (${p.local} local, ${p.transferees} transferees). Move people out first.`,
    (p) =>
      `Celda ${p.cell}: la capacidad útil no puede fijarse en ${p.workingCapacity}, por debajo de las ${p.occupancy} personas que hay en ella ahora (${p.local} de la población local, ${p.transferees} trasladadas). Saque primero a algunas personas de la celda.`,
  ),
  'cell.inactive_needs_reason': msg(
    (p: { cell: string }) => `Cell ${p.cell}: an inactive cell needs a statusReason saying why.`,
    (p) => `Celda ${p.cell}: una celda inactiva necesita un statusReason que diga por qué.`,
  ),
  'cell.inactive_not_empty': msg(
    (p: { cell: string; occupancy: number }) =>
      `Cell ${p.cell} cannot be made inactive with ${p.occupancy} people in it; move them first.`,
    (p) =>
      `La celda ${p.cell} no puede pasar a inactiva con ${p.occupancy} personas dentro; trasládelas primero.`,
  ),
  'cell.local_sex_without_occupants': msg(
    (p: { cell: string }) => `Cell ${p.cell}: localSex describes local occupants; there are none.`,
    (p) => `Celda ${p.cell}: localSex describe a la población local de la celda, y no hay ninguna.`,
  ),

  'allocation.checks_failed': msg(
    (p: { count: number; constraint: string; cell: string | null; detail: string }) =>
      `This allocation breaks ${p.count} hard constraint(s), e.g. ${p.constraint} in ${p.cell ?? 'a cell'}: ${p.detail}. Nothing was applied; plan again.`,
    (p) =>
      `Esta asignación incumple ${Number(p.count) === 1 ? '1 restricción estricta' : `${p.count} restricciones estrictas`}, p. ej. ${p.constraint} en ${p.cell ?? 'una celda'}: ${p.detail}. No se aplicó nada; planifique de nuevo.`,
  ),
  'allocation.not_in_custody': msg(
    (p: { ref: string }) =>
      `${p.ref} has no open custody interval at this facility; only people in custody are housed.`,
    (p) =>
      `${p.ref} no tiene un periodo de custodia abierto en este centro; solo se asigna celda a las personas bajo custodia.`,
  ),
});
